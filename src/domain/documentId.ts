import type { CollectionName } from './bundle.js';
import { relationId, type Relation } from './relation.js';

/**
 * The id a document of a collection is stored under: its slug, or for a relation its ends and
 * kind. Deterministic, so re-importing a bundle writes the same ids and a bundle's translation
 * records can name the documents they belong to.
 */
export function documentIdOf(collection: CollectionName, data: unknown): string {
  return collection === 'relations'
    ? relationId(data as Relation)
    : (data as { slug: string }).slug;
}
