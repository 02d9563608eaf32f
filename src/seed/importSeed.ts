import type { ContentBundle } from '../domain/bundle.js';
import type { ContentStore } from '../store/contentStore.js';
import { applyImport, type BatchLimits, type ImportProgress } from './applyImport.js';
import { changedSince, staleImport, type ImportConflict } from './importConflicts.js';
import { planImport, type ImportReport } from './planImport.js';

/** Options of a seed import. */
export interface ImportSeedOptions {
  dryRun?: boolean;
  prune?: boolean;
  limits?: BatchLimits;
  onProgress?: ImportProgress;
  /** Called with the diff before anything is written (to print it). */
  onPlan?: (report: ImportReport) => void;
  /** Recorded as `updatedBy` on what the import writes (default "importer"). */
  actor?: string;
  /**
   * The content revision the caller's dry run was made at: an apply refuses with CONFLICT when
   * the store has moved since, and the result lists what changed after it.
   */
  expectedRev?: number;
}

/** What a seed import did. */
export interface ImportSeedResult {
  report: ImportReport;
  commits: number;
  /** Content revision after the import (unchanged when nothing was written). */
  rev: number;
  /** Documents written after `expectedRev` (none without it). */
  conflicts: ImportConflict[];
}

/**
 * Validates a seed directory (all of it, before writing anything), diffs it against the store,
 * and writes only what differs, in bounded transactions. Idempotent; `dryRun` writes nothing.
 */
export async function importSeed(
  store: ContentStore,
  seedDir: string,
  options: ImportSeedOptions = {},
): Promise<ImportSeedResult> {
  const { loadSeedDirectory } = await import('./loadSeed.js');
  return importBundle(store, await loadSeedDirectory(seedDir), options);
}

/**
 * Diffs a validated bundle against the store and writes only what differs: the code behind
 * both `npm run seed` and the `importContent` mutation.
 */
export async function importBundle(
  store: ContentStore,
  bundle: ContentBundle,
  options: ImportSeedOptions = {},
): Promise<ImportSeedResult> {
  const current = await store.readChanges(0);
  const { expectedRev } = options;
  const conflicts = expectedRev === undefined ? [] : changedSince(current.documents, expectedRev);
  if (!options.dryRun && expectedRev !== undefined && current.rev !== expectedRev) {
    throw staleImport(expectedRev, current.rev, conflicts);
  }
  const plan = planImport(bundle, current.documents, { prune: options.prune ?? false });
  options.onPlan?.(plan.report);
  if (options.dryRun || plan.writes.length === 0) {
    return { report: plan.report, commits: 0, rev: current.rev, conflicts };
  }
  const applied = await applyImport(store, plan.writes, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    actor: options.actor ?? 'importer',
    current: current.documents,
  });
  return {
    report: plan.report,
    commits: applied.commits,
    rev: applied.rev ?? current.rev,
    conflicts,
  };
}
