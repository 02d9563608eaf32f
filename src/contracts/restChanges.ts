import { apiCompare } from 'api-smart-diff';
import type { ChangeLevel, ContractChange } from './contractChange.js';

// api-smart-diff's classes: a deprecation or an unclassified change is for a person to judge.
const LEVELS: Record<string, ChangeLevel> = {
  breaking: 'breaking',
  deprecated: 'dangerous',
  unclassified: 'dangerous',
  'non-breaking': 'safe',
  annotation: 'safe',
};

/**
 * The changes from the released OpenAPI document to the current one, classified by
 * api-smart-diff (which resolves `$ref`s and knows parameters, request and response schemas):
 * a removed operation, parameter or response property, a parameter made required, a narrowed
 * type is breaking; additions are safe; wording is an annotation (safe).
 */
export function restChanges(released: object, current: object): ContractChange[] {
  const { diffs } = apiCompare(released, current);
  return diffs.map((change) => ({
    api: 'rest',
    level: LEVELS[change.type] ?? 'dangerous',
    where: (change.path ?? []).join('.'),
    description: change.description ?? `${change.action} ${(change.path ?? []).join('.')}`,
  }));
}
