import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleTranslations, ContentBundle } from '../domain/bundle.js';
import { trackTranslations } from '../domain/translation/trackTranslations.js';
import { bundleToWrites } from './bundleToWrites.js';
import { projectRoot } from '../paths.js';
import { seedFingerprint } from './seedFingerprint.js';

/** A seed directory's validated bundle, written at build time, with the fingerprint it had. */
export interface CompiledSeed {
  fingerprint: string;
  bundle: ContentBundle;
  /** Every document's translation records as a store would keep them (see finalRecords). */
  records?: BundleTranslations;
}

/** The course a memory store starts with. */
export interface SeedContent {
  bundle: ContentBundle;
  /**
   * With the compiled copy: the translation records each document gets when stored new, tracked
   * at build time, so a cold start stores them as they are instead of tracking every text again.
   */
  records?: BundleTranslations;
}

/**
 * The translation records each document of a bundle gets when it is stored new: its claimed
 * records after trackTranslations (the code a commit runs), e.g. English a translator rewrote
 * in YAML becomes current. `now` stamps texts that become current or outdated on arrival.
 */
export function finalRecords(bundle: ContentBundle, now: string): BundleTranslations {
  const records: Record<string, Record<string, unknown>> = {};
  for (const write of bundleToWrites(bundle)) {
    const { translations } = trackTranslations({
      collection: write.collection,
      next: write.data,
      now,
      claimed: write.translation?.claimed,
    });
    (records[write.collection] ??= {})[write.id] = translations;
  }
  return records;
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
): Promise<SeedContent> {
  const compiled = await readFile(compiledFile, 'utf8').then(
    (text) => JSON.parse(text) as CompiledSeed,
    () => undefined,
  );
  if (compiled && compiled.fingerprint === (await seedFingerprint(seedDir))) {
    return { bundle: compiled.bundle, ...(compiled.records ? { records: compiled.records } : {}) };
  }
  const { loadSeedDirectory } = await import('./loadSeed.js');
  return { bundle: await loadSeedDirectory(seedDir) };
}
