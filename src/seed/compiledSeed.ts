import { realpathSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { ContentBundle } from '../domain/bundle.js';
import type { StoredDocument } from '../store/contentStore.js';
import { logger } from '../observability/logger.js';
import { projectRoot } from '../paths.js';
import { asciiJson } from '../store/asciiJson.js';
import { DeferredTextsRestorer, splitDeferredTexts, textBounds } from '../store/deferredTexts.js';
import { seedFingerprint } from './seedFingerprint.js';
import { openCompiledTexts, type CompiledTexts } from './compiledTexts.js';
import { compiledLineOf, documentOfLine, keptFactsOf, type CompiledLine } from './entryLines.js';
import { JsonLines } from './jsonLines.js';
import { sameSeedFileStats, seedFileStats, type SeedFileStats } from './seedFileStats.js';

/**
 * A seed directory compiled at build time: the course as the memory store stores it (see
 * storedCourse), with what identifies the directory it came from.
 */
export interface CompiledSeed {
  /** seedFingerprint of the directory: the proof of equal content. */
  fingerprint: string;
  /** Each file's stat at build time: a start that finds the same need not hash the files. */
  files: SeedFileStats;
  /** The seed directory it was compiled from, as relativeSeedDir names it (see SeedLoadOptions). */
  compiledFrom: string;
  /** The stored documents, in commit order (for MemoryStore.adopt). */
  documents: StoredDocument[];
}

// The compiled file's format (see writeCompiledSeed); a file of another is not used.
const COMPILED_FORMAT = 4;

/**
 * The compiled file's first line: what identifies the seed directory it was compiled from, and
 * what a start needs to read the documents, which follow a line each without their deferred
 * fields (see deferredTexts), whose JSON is in a file beside it (deferredTextsFile).
 */
export interface CompiledSeedHead extends Omit<CompiledSeed, 'documents'> {
  /** COMPILED_FORMAT when written. */
  format: number;
  /** How many document lines follow (a start that finds another number does not use them). */
  documents: number;
  /** Where the documents' deferred fields lie in the texts file (see textBounds). */
  bounds: number[];
  /** The texts file's size: a start that finds another (a torn copy) does not use the files. */
  textsBytes: number;
}

/**
 * The course a memory store starts with: the compiled copy's stored documents, or the bundle
 * parsed from the seed directory (to import).
 */
export type SeedContent = { documents: StoredDocument[] } | { bundle: ContentBundle };

/** How loadSeedContent may decide that a compiled course is the seed directory's. */
export interface SeedLoadOptions {
  /**
   * The compiled course is part of the build this process runs (production: a deploy's files
   * are not edited after its build, no more than its compiled code is), so it is used when it
   * names the directory asked for (see relativeSeedDir), without looking at the directory's files.
   * A deploy's files need not keep the mtimes the build saw (image layers are often written
   * with fixed timestamps), and the check would then hash every file of the course at every
   * cold start. Otherwise (development, tests) the files are checked: see loadSeedContent.
   */
  trustBuild?: boolean;
}

/**
 * The seed directory a compiled file names: its real path, relative to the compiled file's
 * real directory (a deploy moved elsewhere, with its seed beside it, still names it); undefined
 * when either cannot be resolved.
 */
export function relativeSeedDir(compiledFile: string, seedDir: string): string | undefined {
  try {
    return relative(realpathSync.native(dirname(compiledFile)), realpathSync.native(seedDir));
  } catch {
    return undefined;
  }
}

/** Where `npm run build` writes the shipped course, compiled. */
export function compiledSeedFile(): string {
  return join(projectRoot(), 'dist', 'content.json');
}

/** The file beside a compiled seed with its documents' deferred fields (raw JSON, UTF-8). */
export function deferredTextsFile(compiledFile: string): string {
  return compiledFile.replace(/\.json$/, '') + '.texts';
}

/**
 * Writes a compiled seed: its head (see CompiledSeedHead), then each document without its
 * deferred fields, a line each, in ASCII (read a line at a time: see JsonLines), a live one as
 * its read-model entry (see compiledLineOf: a start then copies each once); the deferred
 * fields' texts in a file beside it. Each file is written aside and then renamed over the old
 * one: a running instance reads its deferred texts from the file it started with (see
 * openCompiledTexts), never a half-written one.
 */
export async function writeCompiledSeed(compiledFile: string, seed: CompiledSeed): Promise<void> {
  const { documents, spans, texts } = splitDeferredTexts(seed.documents);
  const head: CompiledSeedHead = {
    format: COMPILED_FORMAT,
    fingerprint: seed.fingerprint,
    files: seed.files,
    compiledFrom: seed.compiledFrom,
    documents: documents.length,
    bounds: textBounds(spans),
    textsBytes: texts.length,
  };
  const compiled = documents.map((doc, i) => compiledLineOf(doc, keptFactsOf(seed.documents[i]!)));
  const lines = [head, ...compiled].map((value) => `${asciiJson(value)}\n`);
  await replaceFile(deferredTextsFile(compiledFile), texts);
  await replaceFile(compiledFile, lines.join(''));
}

/**
 * The course of a seed directory. Parsing YAML and Markdown, validating and stamping every
 * document is most of a cold start, so the build does it once for the shipped course (`npm run
 * build`); at start-up its stored documents are used when the directory is still the one it
 * was compiled from: in a build trusted as such (see SeedLoadOptions), the same directory; else
 * the same file stats (no file read), or else the same fingerprint (every file read and
 * hashed, as after a deploy that reset mtimes). Anything else (no compiled copy,
 * edited seed files, another SEED_DIR, a damaged compiled file) is parsed and validated as
 * before, loading the parsers only then. The compiled copy is not validated again at start-up:
 * the build wrote it from the validated bundle, and it sits in dist/ beside the code, at the
 * same trust.
 */
export async function loadSeedContent(
  seedDir: string,
  compiledFile = compiledSeedFile(),
  options: SeedLoadOptions = {},
): Promise<SeedContent> {
  const documents = await readCompiledCourse(seedDir, compiledFile, options);
  if (documents) return { documents };
  const { loadSeedDirectory } = await import('./loadSeed.js');
  return { bundle: await loadSeedDirectory(seedDir) };
}

// The compiled course's stored documents when it was compiled from the seed directory (its
// head says so, checked before any document is read), else undefined.
async function readCompiledCourse(
  seedDir: string,
  compiledFile: string,
  options: SeedLoadOptions,
): Promise<StoredDocument[] | undefined> {
  // Opened, not read: each deferred field is read from it when first asked for.
  const texts = openCompiledTexts(deferredTextsFile(compiledFile));
  if (!texts) return undefined;
  let lines: JsonLines;
  try {
    lines = JsonLines.open(compiledFile);
  } catch {
    return undefined;
  }
  try {
    const head = readHead(lines);
    if (!head || !(await isCompiledFrom(head, texts, seedDir, compiledFile, options))) {
      return undefined;
    }
    const documents = readDocuments(lines, head, texts);
    if (!documents) logger().warn(`compiled course ${compiledFile} is damaged: not used`);
    return documents;
  } finally {
    lines.close();
  }
}

/** A compiled file's head (see CompiledSeedHead), or undefined when it has none of this format. */
export function readCompiledSeedHead(compiledFile: string): CompiledSeedHead | undefined {
  const lines = JsonLines.open(compiledFile);
  try {
    return readHead(lines);
  } finally {
    lines.close();
  }
}

// The head line of a compiled file of this format, or undefined.
function readHead(lines: JsonLines): CompiledSeedHead | undefined {
  let head: Partial<CompiledSeedHead> | undefined;
  try {
    head = lines.next() as Partial<CompiledSeedHead> | undefined;
  } catch {
    return undefined;
  }
  return head?.format === COMPILED_FORMAT && Array.isArray(head.bounds)
    ? (head as CompiledSeedHead)
    : undefined;
}

// Whether the compiled files are those of the seed directory (see loadSeedContent).
async function isCompiledFrom(
  head: CompiledSeedHead,
  texts: CompiledTexts,
  seedDir: string,
  compiledFile: string,
  options: SeedLoadOptions,
): Promise<boolean> {
  if (texts.size !== head.textsBytes) return false;
  // A trusted build's course needs no stats when it names this directory.
  const asked = options.trustBuild ? relativeSeedDir(compiledFile, seedDir) : undefined;
  if (asked !== undefined && head.compiledFrom === asked) return true;
  const files = statsOf(seedDir);
  if (files && head.files && sameSeedFileStats(files, head.files)) return true;
  return head.fingerprint === (await seedFingerprint(seedDir).catch(() => undefined));
}

// The document lines after the head, each restored as soon as it is parsed (see
// DeferredTextsRestorer); undefined when they are not all there, or not what the head says.
function readDocuments(
  lines: JsonLines,
  head: CompiledSeedHead,
  texts: CompiledTexts,
): StoredDocument[] | undefined {
  const restorer = new DeferredTextsRestorer(head.bounds, texts.read);
  const documents: StoredDocument[] = [];
  try {
    for (let doc = lines.next(); doc !== undefined; doc = lines.next()) {
      documents.push(documentOfLine(doc as CompiledLine, restorer));
    }
  } catch {
    return undefined;
  }
  const whole = documents.length === head.documents && !lines.endedTorn && restorer.complete;
  return whole ? documents : undefined;
}

// Writes a file under a temporary name beside it, then renames it into place.
async function replaceFile(path: string, content: string | Buffer): Promise<void> {
  const aside = `${path}.${process.pid}.tmp`;
  await writeFile(aside, content);
  await rename(aside, path);
}

// The directory's file stats, or undefined when it cannot be walked (the hash then decides).
function statsOf(seedDir: string): SeedFileStats | undefined {
  try {
    return seedFileStats(seedDir);
  } catch {
    return undefined;
  }
}
