import { realpathSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { ContentBundle } from '../domain/bundle.js';
import type { StoredDocument } from '../store/contentStore.js';
import { projectRoot } from '../paths.js';
import { asciiJson } from '../store/asciiJson.js';
import { restoreDeferredTexts, splitDeferredTexts, textBounds } from '../store/deferredTexts.js';
import { seedFingerprint } from './seedFingerprint.js';
import { openCompiledTexts } from './compiledTexts.js';
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

/**
 * The compiled file as written: the documents without their deferred fields (see
 * deferredTexts), whose JSON is in a file beside it (deferredTextsFile), parsed on first read.
 */
export interface CompiledSeedFile extends CompiledSeed {
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
 * Writes a compiled seed: its file, without the deferred fields, and their texts beside it.
 * Each file is written aside and then renamed over the old one: a running instance reads its
 * deferred texts from the file it started with (see openCompiledTexts), never a half-written one.
 */
export async function writeCompiledSeed(compiledFile: string, seed: CompiledSeed): Promise<void> {
  const { documents, spans, texts } = splitDeferredTexts(seed.documents);
  const bounds = textBounds(spans);
  const written: CompiledSeedFile = { ...seed, documents, bounds, textsBytes: texts.length };
  await replaceFile(deferredTextsFile(compiledFile), texts);
  await replaceFile(compiledFile, asciiJson(written));
}

/**
 * The course of a seed directory. Parsing YAML and Markdown, validating and stamping every
 * document is most of a cold start, so the build does it once for the shipped course (`npm run
 * build`); at start-up its stored documents are used when the directory is still the one it
 * was compiled from: in a build trusted as such (see SeedLoadOptions), the same directory; else
 * the same file stats (no file read), or else the same fingerprint (every file read and
 * hashed, as after a deploy that reset mtimes). Anything else (no compiled copy,
 * edited seed files, another SEED_DIR) is parsed and validated as before, loading the parsers
 * only then. The compiled copy is not validated again at start-up: the build wrote it from the
 * validated bundle, and it sits in dist/ beside the code, at the same trust.
 */
export async function loadSeedContent(
  seedDir: string,
  compiledFile = compiledSeedFile(),
  options: SeedLoadOptions = {},
): Promise<SeedContent> {
  // Read as Latin-1 without looking: writeCompiledSeed writes ASCII only (see asciiJson), so
  // the file's bytes are its characters, and a check of 10 MB at 100 copies is time a start
  // would spend learning what the build already knows.
  const reading = readFile(compiledFile, 'latin1').then(
    (text) => JSON.parse(text) as Partial<CompiledSeedFile>,
    () => undefined,
  );
  // Opened, not read: each deferred field is read from it when first asked for.
  const texts = openCompiledTexts(deferredTextsFile(compiledFile));
  // A trusted build's course needs no stats when it names this directory (checked once read).
  const asked = options.trustBuild ? relativeSeedDir(compiledFile, seedDir) : undefined;
  // While the file is read (synchronously: see seedFileStats).
  const files = asked === undefined ? statsOf(seedDir) : undefined;
  const compiled = await reading;
  if (
    compiled?.documents &&
    compiled.bounds &&
    compiled.fingerprint &&
    texts &&
    texts.size === compiled.textsBytes &&
    ((asked !== undefined && compiled.compiledFrom === asked) ||
      (await sameSeed(compiled, seedDir, files ?? statsOf(seedDir)))) &&
    restoreDeferredTexts(compiled.documents, compiled.bounds, texts.read)
  ) {
    return { documents: compiled.documents };
  }
  const { loadSeedDirectory } = await import('./loadSeed.js');
  return { bundle: await loadSeedDirectory(seedDir) };
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

// Whether the directory holds what was compiled: stats first, the content hash if they differ.
async function sameSeed(
  compiled: Partial<CompiledSeedFile>,
  seedDir: string,
  files: SeedFileStats | undefined,
): Promise<boolean> {
  if (files && compiled.files && sameSeedFileStats(files, compiled.files)) return true;
  return compiled.fingerprint === (await seedFingerprint(seedDir).catch(() => undefined));
}
