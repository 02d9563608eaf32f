import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentBundle } from '../domain/bundle.js';
import type { StoredDocument } from '../store/contentStore.js';
import { projectRoot } from '../paths.js';
import { asciiJson, decodeJsonText } from '../store/asciiJson.js';
import {
  restoreDeferredTexts,
  splitDeferredTexts,
  type DeferredSpans,
} from '../store/deferredTexts.js';
import { seedFingerprint } from './seedFingerprint.js';
import { sameSeedFileStats, seedFileStats, type SeedFileStat } from './seedFileStats.js';

/**
 * A seed directory compiled at build time: the course as the memory store stores it (see
 * storedCourse), with what identifies the directory it came from.
 */
export interface CompiledSeed {
  /** seedFingerprint of the directory: the proof of equal content. */
  fingerprint: string;
  /** Each file's stat at build time: a start that finds the same need not hash the files. */
  files: SeedFileStat[];
  /** The stored documents, in commit order (for MemoryStore.adopt). */
  documents: StoredDocument[];
}

/**
 * The compiled file as written: the documents without their deferred fields (see
 * deferredTexts), whose JSON is in a file beside it (deferredTextsFile), parsed on first read.
 */
export interface CompiledSeedFile extends CompiledSeed {
  /** Per document, where its deferred fields lie in the texts file (0: none). */
  spans: (DeferredSpans | 0)[];
  /** The texts file's size: a start that finds another (a torn copy) does not use the files. */
  textsBytes: number;
}

/**
 * The course a memory store starts with: the compiled copy's stored documents, or the bundle
 * parsed from the seed directory (to import).
 */
export type SeedContent = { documents: StoredDocument[] } | { bundle: ContentBundle };

/** Where `npm run build` writes the shipped course, compiled. */
export function compiledSeedFile(): string {
  return join(projectRoot(), 'dist', 'content.json');
}

/** The file beside a compiled seed with its documents' deferred fields (raw JSON, UTF-8). */
export function deferredTextsFile(compiledFile: string): string {
  return compiledFile.replace(/\.json$/, '') + '.texts';
}

/** Writes a compiled seed: its file, without the deferred fields, and their texts beside it. */
export async function writeCompiledSeed(compiledFile: string, seed: CompiledSeed): Promise<void> {
  const { documents, spans, texts } = splitDeferredTexts(seed.documents);
  const written: CompiledSeedFile = { ...seed, documents, spans, textsBytes: texts.length };
  await writeFile(deferredTextsFile(compiledFile), texts);
  await writeFile(compiledFile, asciiJson(written));
}

/**
 * The course of a seed directory. Parsing YAML and Markdown, validating and stamping every
 * document is most of a cold start, so the build does it once for the shipped course (`npm run
 * build`); at start-up its stored documents are used when the directory is still the one it
 * was compiled from: the same file stats (no file read), or else the same fingerprint (every
 * file read and hashed, as after a deploy that reset mtimes). Anything else (no compiled copy,
 * edited seed files, another SEED_DIR) is parsed and validated as before, loading the parsers
 * only then. The compiled copy is not validated again at start-up: the build wrote it from the
 * validated bundle, and it sits in dist/ beside the code, at the same trust.
 */
export async function loadSeedContent(
  seedDir: string,
  compiledFile = compiledSeedFile(),
): Promise<SeedContent> {
  const [compiled, texts, files] = await Promise.all([
    readFile(compiledFile).then(
      (bytes) => JSON.parse(decodeJsonText(bytes)) as Partial<CompiledSeedFile>,
      () => undefined,
    ),
    readFile(deferredTextsFile(compiledFile)).catch(() => undefined),
    seedFileStats(seedDir).catch(() => undefined),
  ]);
  if (
    compiled?.documents &&
    compiled.spans &&
    compiled.fingerprint &&
    texts &&
    texts.length === compiled.textsBytes &&
    (await sameSeed(compiled, seedDir, files))
  ) {
    restoreDeferredTexts(compiled.documents, compiled.spans, texts);
    return { documents: compiled.documents };
  }
  const { loadSeedDirectory } = await import('./loadSeed.js');
  return { bundle: await loadSeedDirectory(seedDir) };
}

// Whether the directory holds what was compiled: stats first, the content hash if they differ.
async function sameSeed(
  compiled: Partial<CompiledSeedFile>,
  seedDir: string,
  files: SeedFileStat[] | undefined,
): Promise<boolean> {
  if (files && compiled.files && sameSeedFileStats(files, compiled.files)) return true;
  return compiled.fingerprint === (await seedFingerprint(seedDir).catch(() => undefined));
}
