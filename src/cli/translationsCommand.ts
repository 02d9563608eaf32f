import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Viewer } from '../auth/viewer.js';
import { ReadModel } from '../content/readModel.js';
import type { TranslationState } from '../domain/translation/translationState.js';
import { AppError, formatPath, ValidationError } from '../errors.js';
import type { ContentStore } from '../store/contentStore.js';
import { DEFAULT_EXPORT_STATES, exportXliff } from '../translation/exportTranslations.js';
import { importTranslations } from '../translation/importTranslations.js';
import { MAX_XLIFF_CHARS } from '../translation/readXliff.js';
import { formatTranslationImport } from './formatTranslationImport.js';
import { isParseArgsError, nodeError } from './nodeError.js';

/** Usage text of `npm run translations`. */
export const TRANSLATIONS_USAGE = `usage: npm run --silent translations -- export [--locale en] [--state <states>] [--out <file>]
       npm run translations -- import <file> [--dry-run]
       npm run translations -- refresh [--check] [--dir <path>]

export   Writes every document whose English is not current as XLIFF 2.0, for translators'
         CAT tools: one <file> per document (its id names the document and its version), one
         <unit> per text (the Korean as source, the English as target, the old Korean in a
         note). To stdout (run npm with --silent, or npm's own header lands in the file), or
         to --out.
import   Applies the targets of a translated file: one edit per document, expecting the
         version it was exported at. A document changed since the export is a conflict, and
         nothing of it is written. A target equal to outdated English confirms that English;
         a unit without a target is skipped. Exits with 1 if any document was not applied.

refresh  Rewrites the seed directory's translation records (seed/translations/*.yaml) from
         its content, and lists its outdated and missing English (see its own --help).

  --locale en        the language translated into (only English: Korean is the source)
  --state <states>   export: comma-separated outdated, missing, current (default outdated,missing)
  --out <file>       export: write the XLIFF to <file> instead of stdout
  --dry-run          import: check the whole file and every edit, write nothing
  -h, --help         show this help
`;

/** What the translations command runs against; the entry passes the real ones, tests in-memory ones. */
export interface TranslationsCommandIo {
  store: ContentStore;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** Recorded as the author of what an import writes, as the seed records `importer`. */
export const TRANSLATIONS_ACTOR = 'xliff-import';

// The command works on the store directly, with an admin's rights (as `npm run seed` does); what
// it writes is recorded as the tool's, not as a token's.
const TOOL: Viewer = { role: 'admin', fingerprint: TRANSLATIONS_ACTOR };

/**
 * `npm run translations -- export|import`. Returns the exit code: 0 done, 1 a document not
 * applied (conflict, refusal) or a failure (message without a stack), 2 bad usage.
 */
export async function runTranslationsCommand(
  argv: string[],
  io: TranslationsCommandIo,
): Promise<number> {
  const args = parseTranslationsArgs(argv);
  if (args.kind === 'help') {
    io.out.write(TRANSLATIONS_USAGE);
    return 0;
  }
  if (args.kind === 'usage') {
    io.err.write(`${args.message}\n\n${TRANSLATIONS_USAGE}`);
    return 2;
  }
  // Read only when the command asks (each edit refreshes it), never in the background: nothing
  // may still be reading when the entry closes the store.
  const readModel = new ReadModel(io.store, { ttlMs: Number.POSITIVE_INFINITY });
  try {
    if (args.kind === 'export') {
      const { documents } = await readModel.refresh();
      const xliff = await exportXliff(documents, args.states);
      if (args.out === undefined) io.out.write(xliff);
      else await writeFile(args.out, xliff);
      if (!xliff.includes('<file ')) {
        io.err.write(`nothing to translate: no text is ${args.states.join(' or ')}\n`);
      }
      return 0;
    }
    const xliff = await readXliffFile(args.file);
    const report = await importTranslations(
      { store: io.store, readModel, writable: true, actor: TRANSLATIONS_ACTOR },
      TOOL,
      xliff,
      { dryRun: args.dryRun },
    );
    io.out.write(formatTranslationImport(report));
    return report.documents.some((d) => d.outcome === 'CONFLICT' || d.outcome === 'REJECTED')
      ? 1
      : 0;
  } catch (error) {
    io.err.write(describeFailure(error));
    return 1;
  }
}

type TranslationsArgs =
  | { kind: 'export'; states: TranslationState[]; out?: string }
  | { kind: 'import'; file: string; dryRun: boolean }
  | { kind: 'help' }
  | { kind: 'usage'; message: string };

const STATES: Record<string, TranslationState> = {
  outdated: 'OUTDATED',
  missing: 'MISSING',
  current: 'CURRENT',
};

function parseTranslationsArgs(argv: string[]): TranslationsArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        locale: { type: 'string', default: 'en' },
        state: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    if (isParseArgsError(error)) return { kind: 'usage', message: error.message };
    throw error;
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.locale.toLowerCase() !== 'en') {
    return {
      kind: 'usage',
      message: '--locale must be en: Korean is the source, English the translation',
    };
  }
  const [command, ...rest] = positionals;
  if (command === 'export') {
    if (rest.length > 0)
      return { kind: 'usage', message: `export takes no file: ${rest.join(' ')}` };
    if (values['dry-run']) return { kind: 'usage', message: '--dry-run is for import' };
    if (values.out === '') return { kind: 'usage', message: '--out must name a file' };
    const states = parseStates(values.state);
    if (typeof states === 'string') return { kind: 'usage', message: states };
    return { kind: 'export', states, ...(values.out !== undefined ? { out: values.out } : {}) };
  }
  if (command === 'import') {
    if (values.state !== undefined || values.out !== undefined) {
      return { kind: 'usage', message: '--state and --out are for export' };
    }
    const [file, ...extra] = rest;
    if (file === undefined || file === '' || extra.length > 0) {
      return { kind: 'usage', message: 'import takes one XLIFF file' };
    }
    return { kind: 'import', file, dryRun: values['dry-run'] };
  }
  return {
    kind: 'usage',
    message: command === undefined ? 'missing export or import' : `unknown command: ${command}`,
  };
}

// The states as a list, or what is wrong with it.
function parseStates(value: string | undefined): TranslationState[] | string {
  if (value === undefined) return [...DEFAULT_EXPORT_STATES];
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(name in STATES));
  if (unknown.length > 0 || names.length === 0) {
    return `--state takes outdated, missing and current, not: ${unknown.join(', ') || value}`;
  }
  return [...new Set(names.map((name) => STATES[name]!))];
}

// A file larger than any XLIFF we accept is refused before it is read into memory.
async function readXliffFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_XLIFF_CHARS * 4) {
    throw new ValidationError(`${file} is too large`, [
      { path: ['xliff'], message: `must be at most ${MAX_XLIFF_CHARS} characters` },
    ]);
  }
  return readFile(file, 'utf8');
}

// Expected failures become a message an admin can act on, without a stack. Anything else is a
// bug: its stack is printed so it can be reported.
function describeFailure(error: unknown): string {
  if (error instanceof AppError) {
    const issues = error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}\n`);
    return `${error.code}: ${error.message}\n${issues.join('')}nothing was written.\n`;
  }
  const fsError = nodeError(error);
  if (fsError?.syscall) return `translations failed: ${fsError.message}\n`;
  const stack = (error as { stack?: unknown } | null)?.stack;
  return `unexpected error: ${typeof stack === 'string' ? stack : String(error)}\n`;
}
