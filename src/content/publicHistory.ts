import type { CollectionName } from '../domain/bundle.js';
import type { DocumentSet } from './entries.js';
import type { Tombstones } from './tombstones.js';

// A relation's id is `{from}__{kind}__{to}` (domain/relation.ts): kebab-case slugs around it.
const RELATION_ID = /^([a-z0-9-]+)__[A-Z_]+__([a-z0-9-]+)$/;

/**
 * Whether anonymous readers may ever have seen a document, live or deleted, judged from what the
 * store keeps. What never was public (a draft, a relation of a draft) must never be named to
 * them, not even as a sync deletion; what was, may be.
 *
 * - categories: always public.
 * - concepts and lessons: published now, or first published some time (firstPublishedAt); a
 *   document stored before that was recorded counts as once public (unknown, so assumed).
 * - relations: both concepts were once public (a relation between two concepts that were never
 *   public at the same time counts too: the approximation errs towards naming).
 * - comparisons: every concept once public; a deleted one counts as once public (its concepts
 *   are gone with its data).
 */
export function wasEverPublic(
  documents: DocumentSet,
  tombstones: Tombstones,
  collection: CollectionName,
  id: string,
): boolean {
  const concept = (slug: string) => wasEverPublic(documents, tombstones, 'concepts', slug);
  switch (collection) {
    case 'categories':
      return true;
    case 'concepts':
    case 'lessons': {
      const live = documents[collection].get(id);
      if (live) return live.status === 'PUBLISHED' || live.firstPublishedAt !== null;
      const tombstone = tombstones.get(`${collection}/${id}`);
      return tombstone !== undefined && tombstone.firstPublishedAt !== null;
    }
    case 'relations': {
      const live = documents.relations.get(id);
      // The id's two captures are its ends, `from` and `to`.
      const ends = live ? [live.from, live.to] : RELATION_ID.exec(id)?.slice(1);
      return ends !== undefined && ends.every(concept);
    }
    case 'comparisons': {
      const live = documents.comparisons.get(id);
      return live ? live.concepts.every(concept) : tombstones.has(`comparisons/${id}`);
    }
  }
}

/**
 * The revision of the last change anonymous readers could see: the highest `rev` of any
 * document, live or deleted, that was ever public. A function of the store's state alone, so
 * every instance agrees on it, and it moves exactly when public content may have changed: a
 * write to something public, publishing, unpublishing or deleting it (those documents are
 * public once and for all). Edits of drafts that never were public leave it where it is.
 */
export function publicRevision(documents: DocumentSet, tombstones: Tombstones): number {
  let highest = 0;
  for (const collection of Object.keys(documents) as CollectionName[]) {
    // forEach: a start runs this cold, where for...of makes an iterator result per document.
    (documents[collection] as ReadonlyMap<string, { rev: number }>).forEach((doc, id) => {
      if (doc.rev > highest && wasEverPublic(documents, tombstones, collection, id))
        highest = doc.rev;
    });
  }
  for (const tombstone of tombstones.values()) {
    if (
      tombstone.rev > highest &&
      wasEverPublic(documents, tombstones, tombstone.collection, tombstone.id)
    )
      highest = tombstone.rev;
  }
  return highest;
}
