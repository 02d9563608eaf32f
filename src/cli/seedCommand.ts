import { parseArgs } from 'node:util';
import { AppError, ErrorCode } from '../errors.js';
import type { BatchLimits } from '../seed/applyImport.js';
import { formatImportReport } from '../seed/formatReport.js';
import { importSeed, type ImportSeedResult } from '../seed/importSeed.js';
import { SeedValidationError } from '../seed/seedError.js';
import type { ContentStore } from '../store/contentStore.js';
import { describeInvalidSeed } from './describeInvalidSeed.js';
import { isParseArgsError, nodeError } from './nodeError.js';
import { progressReporter } from './progressReporter.js';
import { storeRefusal } from './storeRefusal.js';

/** Usage text of `npm run seed`. */
export const SEED_USAGE = `usage: npm run seed -- [--dry-run] [--prune] [--dir <path>]

Validates the whole seed directory, shows how it differs from the store, then writes only
what differs, in bounded transactions. A second run writes nothing.

  --dry-run     show the diff and write nothing
  --prune       delete documents that are in the store but not in the seed
                (without it they are kept and listed)
  --dir <path>  the seed directory (default: SEED_DIR, or seed/)
  -h, --help    show this help
`;

/** What the seed command runs against; the entry passes the real ones, tests in-memory ones. */
export interface SeedCommandIo {
  store: ContentStore;
  seedDir: string;
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream;
  /** Limits of one commit (defaults to DEFAULT_BATCH_LIMITS); tests pass small ones. */
  limits?: BatchLimits;
}

/**
 * `npm run seed`: validates the seed (all of it, before any write), prints the diff, writes in
 * bounded transactions with progress (a bar on a terminal, one line per batch in logs) and prints
 * the resulting revision. Returns the exit code: 0 done, 1 invalid seed or store failure (with
 * the code and message, no stack), 2 bad usage.
 */
export async function runSeedCommand(argv: string[], io: SeedCommandIo): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    io.err.write(`${flags}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (flags.help) {
    io.out.write(SEED_USAGE);
    return 0;
  }
  const progress = progressReporter(io.out);
  try {
    const result = await importSeed(io.store, flags.dir ?? io.seedDir, {
      dryRun: flags.dryRun,
      prune: flags.prune,
      ...(io.limits ? { limits: io.limits } : {}),
      onPlan: (report) => io.out.write(formatImportReport(report, { dryRun: flags.dryRun })),
      onProgress: progress.update,
    });
    progress.finish();
    io.out.write(`${outcome(result, flags.dryRun)}\n`);
    if (!flags.dryRun && result.commits > 0 && io.store.compact) {
      // So instances start from the imported course in a few reads, not one per document. The
      // import stands whatever happens here: a start that reads many documents writes one too.
      try {
        const snapshot = await io.store.compact();
        io.out.write(
          `compacted snapshot: revision ${snapshot.rev}, ${plural(snapshot.chunks, 'part')}\n`,
        );
      } catch (error) {
        io.err.write(
          `warning: no compacted snapshot was written (${error instanceof Error ? error.message : String(error)}); ` +
            'the first instance to start will read every document and write one.\n',
        );
      }
    }
    return 0;
  } catch (error) {
    // Stop the bar first, so the error starts on a line of its own.
    progress.finish();
    io.err.write(describeFailure(error, progress.written()));
    return 1;
  }
}

interface SeedFlags {
  dryRun: boolean;
  prune: boolean;
  dir?: string;
  help: boolean;
}

// Returns the flags, or the usage error as a message.
function parseFlags(argv: string[]): SeedFlags | string {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        'dry-run': { type: 'boolean', default: false },
        prune: { type: 'boolean', default: false },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.dir === '') return '--dir must name a directory';
    return {
      dryRun: values['dry-run'],
      prune: values.prune,
      help: values.help,
      ...(values.dir === undefined ? {} : { dir: values.dir }),
    };
  } catch (error) {
    if (isParseArgsError(error)) return error.message;
    throw error;
  }
}

function outcome(result: ImportSeedResult, dryRun: boolean): string {
  if (dryRun) return `content revision: ${result.rev} (dry run: unchanged)`;
  if (result.commits === 0) return `content revision: ${result.rev} (unchanged)`;
  return `content revision: ${result.rev} (${plural(result.commits, 'commit')})`;
}

// Expected failures become a message an admin can act on, without a stack. Anything else is a
// bug: its stack is printed so it can be reported.
function describeFailure(error: unknown, written: number): string {
  if (error instanceof SeedValidationError) return describeInvalidSeed(error);
  // Each batch is its own transaction: say how far the import got, and that a re-run resumes.
  const partial =
    written > 0
      ? `${plural(written, 'document')} were committed before the failure; run the seed again ` +
        'to finish (it writes only what still differs).'
      : 'nothing was written.';
  if (error instanceof AppError) {
    const hint =
      error.code === ErrorCode.CONFLICT
        ? ' Someone changed the content while the import ran: run the seed again to see the new diff.'
        : DEADLINE.test(error.message)
          ? ' If the store is reachable, it may only be large: the seed first reads all of it ' +
            '(24,000 documents took about a minute on the emulator), so give this run more time, ' +
            'e.g. STORE_TIMEOUT_MS=300000 npm run seed.'
          : '';
    const issues = error.issues.map((issue) => `  ${issue.path.join('/')}: ${issue.message}\n`);
    const advice = error.code === ErrorCode.PAYLOAD_TOO_LARGE ? `\n${tooLargeAdvice(error)}` : '';
    return `${error.code}: ${error.message}\n${issues.join('')}${partial}${hint}${advice}\n`;
  }
  // Firestore refusing a request (too large, or over a quota) is neither an outage nor a bug here.
  const refusal = storeRefusal(error);
  if (refusal) return `RESOURCE_EXHAUSTED: ${refusal.message}\n${partial}\n${refusal.advice}\n`;
  const fsError = nodeError(error);
  if (fsError?.syscall) return `cannot read the seed: ${fsError.message}\n${partial}\n`;
  const stack = (error as { stack?: unknown } | null)?.stack;
  return `unexpected error: ${typeof stack === 'string' ? stack : String(error)}\n${partial}\n`;
}

// The store's deadline passing (store/deadline.ts), as opposed to the store saying it is down.
const DEADLINE = /did not answer .* within \d+ ms/;

// A document too large to store is the author's to shorten; a commit too large, ours to fix.
function tooLargeAdvice(error: AppError): string {
  return error.issues.length > 0
    ? 'Firestore stores at most 1 MiB a document: shorten what is named above (or split a lesson ' +
        'in two), then run the seed again.'
    : 'The import sizes its commits to fit Firestore (src/store/firestore/firestoreLimits.ts), so ' +
        'this is a bug: please report it with this output.';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
