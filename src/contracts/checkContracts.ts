import type { ContractChange } from './contractChange.js';
import { graphqlChanges } from './graphqlChanges.js';
import { records, unreleasedLines, type IntendedChange } from './intendedChanges.js';
import { restChanges } from './restChanges.js';

/** The two public contracts as text and document: the GraphQL schema (SDL) and OpenAPI. */
export interface Contracts {
  schema: string;
  openapi: object;
}

/** What the check found, and whether the current contracts may land. */
export interface ContractReport {
  /** Breaking changes not recorded as intended: each fails the check. */
  unrecorded: ContractChange[];
  /** Breaking changes recorded in intended-changes.json and announced in the changelog. */
  intended: ContractChange[];
  /** Dangerous and safe changes: reported, never failing. */
  other: ContractChange[];
  /** Records that are wrong: not announced in the changelog, or matching no breaking change. */
  problems: string[];
  ok: boolean;
}

/**
 * Compares the current contracts with the released ones. A breaking change passes only when
 * `intended` records it and CHANGELOG.md's `## Unreleased` section carries its line; a record
 * that matches nothing (the change was undone, or released) is a problem too, so the list never
 * silently covers a later change at the same place.
 */
export async function checkContracts(
  released: Contracts,
  current: Contracts,
  intended: readonly IntendedChange[],
  changelog: string,
): Promise<ContractReport> {
  const changes = [
    ...(await graphqlChanges(released.schema, current.schema)),
    ...restChanges(released.openapi, current.openapi),
  ];
  const breaking = changes.filter((change) => change.level === 'breaking');
  const isRecorded = (change: ContractChange) => intended.some((entry) => records(entry, change));
  const announced = new Set(unreleasedLines(changelog));
  const problems: string[] = [];
  for (const entry of intended) {
    const at = `${entry.api} ${entry.where}`;
    if (!breaking.some((change) => records(entry, change))) {
      problems.push(`intended change ${at} matches no breaking change: remove it`);
    }
    if (!announced.has(entry.changelog.trim())) {
      problems.push(
        `intended change ${at} is not announced: CHANGELOG.md's "## Unreleased" section needs the line "${entry.changelog}"`,
      );
    }
  }
  const unrecorded = breaking.filter((change) => !isRecorded(change));
  return {
    unrecorded,
    intended: breaking.filter(isRecorded),
    other: changes.filter((change) => change.level !== 'breaking'),
    problems,
    ok: unrecorded.length === 0 && problems.length === 0,
  };
}
