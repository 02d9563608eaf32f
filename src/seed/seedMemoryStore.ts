import type { MemoryStore } from '../store/memoryStore.js';
import { compiledSeedFile, loadSeedContent, type SeedLoadOptions } from './compiledSeed.js';
import { importBundle } from './importSeed.js';

/**
 * Fills a new memory store with the course of a seed directory: the build's stored documents
 * in one step when they were compiled from this directory (MemoryStore.adopt), else the parsed
 * directory imported as any import is (see loadSeedContent and its options).
 */
export async function seedMemoryStore(
  store: MemoryStore,
  seedDir: string,
  compiledFile = compiledSeedFile(),
  options: SeedLoadOptions = {},
): Promise<void> {
  const seed = await loadSeedContent(seedDir, compiledFile, options);
  if ('documents' in seed) store.adopt(seed.documents);
  else await importBundle(store, seed.bundle);
}
