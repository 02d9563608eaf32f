import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentBundle } from '../domain/bundle.js';
import { projectRoot } from '../paths.js';
import { seedFingerprint } from './seedFingerprint.js';

/** A seed directory's validated bundle, written at build time, with the fingerprint it had. */
export interface CompiledSeed {
  fingerprint: string;
  bundle: ContentBundle;
}

/** Where `npm run build` writes the shipped course, compiled. */
export function compiledSeedFile(): string {
  return join(projectRoot(), 'dist', 'content.json');
}

/**
 * The bundle of a seed directory. Parsing YAML and Markdown is most of a cold start, so the
 * build compiles the shipped course once (`npm run build`); at start-up the compiled copy is
 * used when its fingerprint still matches the directory, which costs one read of the files.
 * Anything else (no compiled copy, edited seed files, another SEED_DIR) is parsed and
 * validated as before, loading the parsers only then. The compiled copy is not validated again
 * at start-up (zod's first pass over it costs ~37 ms, a tenth of a cold start): the build
 * wrote it from the validated bundle, and it sits in dist/ beside the code, at the same trust.
 */
export async function loadSeedBundle(
  seedDir: string,
  compiledFile = compiledSeedFile(),
): Promise<ContentBundle> {
  const compiled = await readFile(compiledFile, 'utf8').then(
    (text) => JSON.parse(text) as CompiledSeed,
    () => undefined,
  );
  if (compiled && compiled.fingerprint === (await seedFingerprint(seedDir))) return compiled.bundle;
  const { loadSeedDirectory } = await import('./loadSeed.js');
  return loadSeedDirectory(seedDir);
}
