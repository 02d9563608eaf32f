import type { ContentBundle } from '../domain/bundle.js';
import { relationId } from '../domain/relation.js';
import type { ContentStore, DocumentWrite } from '../store/contentStore.js';
import { loadSeedDirectory } from './loadSeed.js';

/** Every document of a bundle as a `put`, with the deterministic ids of DESIGN.md. */
export function bundleToWrites(bundle: ContentBundle): DocumentWrite[] {
  return [
    ...bundle.categories.map((data): DocumentWrite => ({
      op: 'put',
      collection: 'categories',
      id: data.slug,
      data,
    })),
    ...bundle.concepts.map((data): DocumentWrite => ({
      op: 'put',
      collection: 'concepts',
      id: data.slug,
      data,
    })),
    ...bundle.relations.map((data): DocumentWrite => ({
      op: 'put',
      collection: 'relations',
      id: relationId(data),
      data,
    })),
    ...bundle.comparisons.map((data): DocumentWrite => ({
      op: 'put',
      collection: 'comparisons',
      id: data.slug,
      data,
    })),
    ...bundle.lessons.map((data): DocumentWrite => ({
      op: 'put',
      collection: 'lessons',
      id: data.slug,
      data,
    })),
  ];
}

/** Validates a seed directory and writes it into a store in one commit (the embedded default). */
export async function seedStore(store: ContentStore, seedDir: string): Promise<number> {
  const bundle = await loadSeedDirectory(seedDir);
  const { rev } = await store.commit(bundleToWrites(bundle));
  return rev;
}
