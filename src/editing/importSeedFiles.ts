import type { Viewer } from '../auth/viewer.js';
import { actorOf } from '../auth/viewer.js';
import { authorize } from '../auth/permissions.js';
import type { ContentBundle } from '../domain/bundle.js';
import { formatPath, ValidationError } from '../errors.js';
import type { ImportConflict } from '../seed/importConflicts.js';
import { importBundle } from '../seed/importSeed.js';
import { memorySeedSource } from '../seed/memorySeedSource.js';
import type { ImportReport } from '../seed/planImport.js';
import { SeedValidationError } from '../seed/seedError.js';
import type { EditDeps } from './editor.js';
import { parseSeedFiles } from './seedFilesInput.js';

/** A problem in one uploaded file: the file, its line when known, the path inside it, the rule. */
export interface SeedFileIssue {
  file: string;
  line: number | null;
  /** `a.b[2]` inside the file, `""` for the file as a whole. */
  path: string;
  message: string;
}

/** What `importSeedFiles` found and did (or, in a dry run, would do). */
export interface SeedFilesImport {
  dryRun: boolean;
  /** The files' problems; when there are any the report is null and nothing was written. */
  issues: SeedFileIssue[];
  report: ImportReport | null;
  conflicts: ImportConflict[];
  commits: number;
  /** The revision the dry run was made at, or the revision after the apply. */
  rev: number;
}

/** Options of an upload import (see importSeedFiles). */
export interface SeedFilesOptions {
  dryRun: boolean;
  prune: boolean;
  expectedRev?: number;
}

/**
 * `importSeedFiles` (admin): imports a seed uploaded as files (a seed directory's layout, paths
 * relative to its root) with the code of `npm run seed`: the same loader reads them (from
 * memory instead of a disk, see seed/seedSource.ts), the same plan diffs them against the
 * store, the same batches write them. A dry run (the default) answers the diff, or every issue
 * of the files by file and line; an apply with invalid files is a BAD_USER_INPUT naming them,
 * and one made after the content moved from `expectedRev` is a CONFLICT. Either writes nothing.
 */
export async function importSeedFiles(
  deps: EditDeps,
  viewer: Viewer,
  input: unknown,
  options: SeedFilesOptions,
): Promise<SeedFilesImport> {
  authorize(viewer, 'import', deps.writable);
  const files = parseSeedFiles(input);
  const loaded = await loadFiles(files);
  if ('issues' in loaded) {
    if (!options.dryRun) {
      throw new ValidationError(
        'The seed files are invalid; nothing was written',
        loaded.issues.map((issue) => ({
          path: ['files', issue.file, ...(issue.path ? [issue.path] : [])],
          message: issue.line === null ? issue.message : `line ${issue.line}: ${issue.message}`,
        })),
      );
    }
    return {
      dryRun: true,
      issues: loaded.issues,
      report: null,
      conflicts: [],
      commits: 0,
      rev: await deps.store.readRevision(),
    };
  }
  const result = await importBundle(deps.store, loaded.bundle, {
    dryRun: options.dryRun,
    prune: options.prune,
    actor: actorOf(viewer),
    ...(options.expectedRev === undefined ? {} : { expectedRev: options.expectedRev }),
  });
  if (result.commits > 0) await deps.readModel.refresh();
  return {
    dryRun: options.dryRun,
    issues: [],
    report: result.report,
    conflicts: result.conflicts,
    commits: result.commits,
    rev: result.rev,
  };
}

// Loads the files as a seed, or says what is wrong with them.
async function loadFiles(
  files: ReturnType<typeof parseSeedFiles>,
): Promise<{ bundle: ContentBundle } | { issues: SeedFileIssue[] }> {
  // The loader and the Markdown parser are loaded on the first import, not at start-up (cold
  // starts); lessons are parsed on the parser's thread, so readers are served meanwhile.
  const { loadSeed } = await import('../seed/loadSeed.js');
  const { parseLessonMarkdown } = await import('../markdown/buildLesson.js');
  try {
    return {
      bundle: await loadSeed(memorySeedSource(files), { parseMarkdown: parseLessonMarkdown }),
    };
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    return {
      issues: error.issues.map((issue) => ({
        file: issue.file,
        line: error.lineOf(issue) ?? null,
        path: formatPath(issue.path),
        message: issue.message,
      })),
    };
  }
}
