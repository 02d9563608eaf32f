import { parseArgs } from 'node:util';
import { COLLECTIONS } from '../domain/bundle.js';
import { AppError } from '../errors.js';
import { exportBundle, ExportError, writeSeedDirectory } from '../seed/exportBundle.js';
import { writeSeedZip } from '../seed/writeSeedZip.js';
import type { ContentStore } from '../store/contentStore.js';
import { nodeError } from './nodeError.js';

/** Usage text of `npm run export`. */
export const EXPORT_USAGE = `usage: npm run export -- <dir>

Writes the store's live content to <dir> as a seed directory (the layout of seed/), which
\`npm run seed -- --dir <dir>\` imports back. <dir> must not exist yet, or be empty.
A <dir> ending in .zip is written as a ZIP of that directory instead (it must not exist),
which the admin console's import reads.

  -h, --help    show this help
`;

/** What the export command runs against; the entry passes the real ones, tests in-memory ones. */
export interface ExportCommandIo {
  store: ContentStore;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * `npm run export DIR`: exports the store as a seed directory and prints the counts. Returns the
 * exit code: 0 done, 1 the export failed (message without a stack), 2 bad usage.
 */
export async function runExportCommand(argv: string[], io: ExportCommandIo): Promise<number> {
  const parsed = parseExportArgs(argv);
  if (parsed.kind === 'help') {
    io.out.write(EXPORT_USAGE);
    return 0;
  }
  if (parsed.kind === 'usage') {
    io.err.write(`${parsed.message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  try {
    const bundle = await exportBundle(io.store);
    const files = parsed.dir.endsWith('.zip')
      ? await writeSeedZip(bundle, parsed.dir)
      : await writeSeedDirectory(bundle, parsed.dir);
    const width = Math.max(...COLLECTIONS.map((collection) => collection.length));
    for (const collection of COLLECTIONS) {
      io.out.write(`${collection.padEnd(width)}  ${bundle[collection].length}\n`);
    }
    const documents = COLLECTIONS.reduce((n, collection) => n + bundle[collection].length, 0);
    io.out.write(`exported ${documents} documents (${files.length} files) to ${parsed.dir}\n`);
    return 0;
  } catch (error) {
    io.err.write(`${describeFailure(error)}\n`);
    return 1;
  }
}

type ExportArgs =
  { kind: 'export'; dir: string } | { kind: 'help' } | { kind: 'usage'; message: string };

function parseExportArgs(argv: string[]): ExportArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) return { kind: 'help' };
    const [dir, ...extra] = positionals;
    if (dir === undefined || dir === '') {
      return { kind: 'usage', message: 'missing the directory to export into' };
    }
    if (extra.length > 0) {
      return { kind: 'usage', message: `expected one directory, got ${positionals.length}` };
    }
    return { kind: 'export', dir };
  } catch (error) {
    const parseError = nodeError(error);
    if (parseError?.code?.startsWith('ERR_PARSE_ARGS_')) {
      return { kind: 'usage', message: parseError.message };
    }
    throw error;
  }
}

// Expected failures become a message an admin can act on, without a stack. Anything else is a
// bug: its stack is printed so it can be reported.
function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof ExportError) return `export failed: ${error.message}`;
  const fsError = nodeError(error);
  if (fsError?.syscall) return `export failed: ${fsError.message}`;
  const stack = (error as { stack?: unknown } | null)?.stack;
  return `unexpected error: ${typeof stack === 'string' ? stack : String(error)}`;
}
