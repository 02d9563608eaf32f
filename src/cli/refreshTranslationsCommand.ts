import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { COLLECTIONS } from '../domain/bundle.js';
import { loadSeedDirectory } from '../seed/loadSeed.js';
import { refreshTranslations } from '../seed/refreshTranslations.js';
import { SeedValidationError } from '../seed/seedError.js';
import { translationsFile } from '../seed/translationFiles.js';
import { translationStates, type TextState } from '../seed/translationStates.js';
import { translationFiles } from '../seed/writeTranslations.js';
import { describeInvalidSeed } from './describeInvalidSeed.js';
import { isParseArgsError, nodeError } from './nodeError.js';

/** Usage text of `npm run translations -- refresh`. */
export const REFRESH_USAGE = `usage: npm run translations -- refresh [--check] [--dir <path>]

Rewrites the translation records of a seed directory (translations/*.yaml) from its content:
English without a record (just written or rewritten in the YAML) is recorded as made from the
Korean beside it; every other record is kept, outdated ones included; records of texts and
documents that are gone are dropped. Then lists the English that is outdated or missing.

  --check       write nothing; exit 1 if the records are not up to date
  --dir <path>  the seed directory (default: SEED_DIR, or seed/)
  -h, --help    show this help
`;

/** What the command runs against; the entry passes the real ones, tests in-memory ones. */
export interface RefreshTranslationsIo {
  seedDir: string;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/**
 * `npm run translations -- refresh`: refreshes a seed's translation sidecar files (see
 * refreshTranslations) and reports the state of its English. Returns the exit code: 0 done (or
 * up to date), 1 invalid seed, unwritable files, or with `--check` records out of date, 2 bad
 * usage.
 */
export async function runRefreshTranslationsCommand(
  argv: string[],
  io: RefreshTranslationsIo,
): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    io.err.write(`${flags}\n\n${REFRESH_USAGE}`);
    return 2;
  }
  if (flags.help) {
    io.out.write(REFRESH_USAGE);
    return 0;
  }
  const seedDir = flags.dir ?? io.seedDir;
  try {
    const loaded = await loadSeedDirectory(seedDir, { ignoreStaleTranslations: true });
    const bundle = { ...loaded, translations: refreshTranslations(loaded) };
    const changes = await changedFiles(seedDir, new Map(translationFiles(bundle)));
    if (flags.check && changes.length > 0) {
      io.out.write(changes.map(({ file }) => `out of date: ${file}\n`).join(''));
      io.out.write('run `npm run translations -- refresh` to rewrite them\n');
      return 1;
    }
    if (!flags.check) await applyChanges(seedDir, changes);
    for (const { file, text } of changes) {
      io.out.write(`${text === undefined ? 'removed' : 'wrote'} ${file}\n`);
    }
    if (changes.length === 0) io.out.write('the translation records are up to date\n');
    io.out.write(stateReport(translationStates(bundle)));
    return 0;
  } catch (error) {
    io.err.write(describeFailure(error));
    return 1;
  }
}

interface Flags {
  check: boolean;
  help: boolean;
  dir?: string;
}

function parseFlags(argv: string[]): Flags | string {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        check: { type: 'boolean', default: false },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.dir === '') return '--dir must name a directory';
    return {
      check: values.check,
      help: values.help,
      ...(values.dir === undefined ? {} : { dir: values.dir }),
    };
  } catch (error) {
    if (isParseArgsError(error)) return error.message;
    throw error;
  }
}

/** A sidecar file to write (with its text) or to remove (text undefined). */
interface FileChange {
  file: string;
  text: string | undefined;
}

// Only the files whose bytes change: an up-to-date seed is left untouched (its fingerprint too,
// so the compiled copy of the course stays valid).
async function changedFiles(seedDir: string, wanted: Map<string, string>): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  for (const file of COLLECTIONS.map(translationsFile)) {
    const present = await readFile(join(seedDir, file), 'utf8').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    const text = wanted.get(file);
    if (present !== text) changes.push({ file, text });
  }
  return changes;
}

async function applyChanges(seedDir: string, changes: FileChange[]): Promise<void> {
  for (const { file, text } of changes) {
    const path = join(seedDir, file);
    if (text === undefined) {
      await rm(path);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
}

// What a translator has to do: counts per state, then each outdated and missing text.
function stateReport(states: TextState[]): string {
  const of = (state: TextState['state']) => states.filter((text) => text.state === state);
  const outdated = of('OUTDATED');
  const missing = of('MISSING');
  const lines = [
    `English: ${of('CURRENT').length} current, ${outdated.length} outdated, ${missing.length} missing`,
  ];
  const list = (title: string, texts: TextState[]) => {
    if (texts.length === 0) return;
    lines.push(`${title} (${texts.length}):`);
    lines.push(...texts.map((text) => `  ${text.collection}/${text.id}: ${text.path}`));
  };
  list('outdated: the Korean changed since the English was made', outdated);
  list('missing: no English yet', missing);
  return lines.map((line) => `${line}\n`).join('');
}

// Expected failures become a message a translator can act on, without a stack.
function describeFailure(error: unknown): string {
  if (error instanceof SeedValidationError) return describeInvalidSeed(error);
  const fsError = nodeError(error);
  if (fsError?.syscall) return `cannot read or write the seed: ${fsError.message}\n`;
  const stack = (error as { stack?: unknown } | null)?.stack;
  return `unexpected error: ${typeof stack === 'string' ? stack : String(error)}\n`;
}
