import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import type { ChangeLevel, ContractChange } from './contractChange.js';

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/**
 * The changes from the released GraphQL schema to the current one (both SDL), classified by
 * GraphQL Inspector: a removed field or type, an argument made required, a narrowed type is
 * breaking; a new enum value or a changed default is dangerous; additions are safe.
 */
export async function graphqlChanges(released: string, current: string): Promise<ContractChange[]> {
  const changes = await diff(buildSchema(released), buildSchema(current));
  return changes.map((change) => ({
    api: 'graphql',
    level: LEVELS[change.criticality.level],
    where: change.path ?? String(change.type),
    description: change.message,
  }));
}
