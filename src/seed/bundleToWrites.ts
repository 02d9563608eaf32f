import { COLLECTIONS, type CollectionName, type ContentBundle } from '../domain/bundle.js';
import { relationId } from '../domain/relation.js';
import type { CollectionData, DocumentWrite } from '../store/contentStore.js';

// The deterministic document id of each collection's documents: re-importing writes the same ids
// (idempotent imports).
const documentId: { [C in CollectionName]: (data: CollectionData[C]) => string } = {
  categories: (category) => category.slug,
  concepts: (concept) => concept.slug,
  relations: relationId,
  comparisons: (comparison) => comparison.slug,
  lessons: (lesson) => lesson.slug,
};

/** Every document of a bundle as a `put`, under its deterministic id. */
export function bundleToWrites(bundle: ContentBundle): DocumentWrite[] {
  return COLLECTIONS.flatMap((collection) =>
    (bundle[collection] as CollectionData[typeof collection][]).map(
      (data) =>
        ({
          op: 'put',
          collection,
          id: (documentId[collection] as (data: unknown) => string)(data),
          data,
        }) as DocumentWrite,
    ),
  );
}
