import type { ContentIndex } from '../content/contentIndex.js';
import type { Entry } from '../content/entries.js';
import type { Audience, ContentSnapshot } from '../content/snapshot.js';
import { COLLECTIONS, type CollectionName } from '../domain/bundle.js';
import type { Category } from '../domain/category.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import { relationId, type Relation } from '../domain/relation.js';
import { ValidationError } from '../errors.js';
import { decodeSyncToken, encodeSyncToken, fullSyncRequired } from './syncToken.js';

/** Documents per page when the client does not say, and at most. */
export const DEFAULT_SYNC_PAGE = 200;
export const MAX_SYNC_PAGE = 1000;

/** A document the client no longer has (deleted, or no longer visible to it). */
export interface SyncDeletion {
  type: 'category' | 'concept' | 'relation' | 'comparison' | 'lesson';
  id: string;
}

/** One page of changes: what to upsert, what to delete, and the token to continue from. */
export interface ChangePage {
  token: string;
  hasMore: boolean;
  categories: Entry<Category>[];
  concepts: Entry<Concept>[];
  relations: Entry<Relation>[];
  comparisons: Entry<Comparison>[];
  lessons: Entry<Lesson>[];
  deleted: SyncDeletion[];
}

const TYPE_OF: Record<CollectionName, SyncDeletion['type']> = {
  categories: 'category',
  concepts: 'concept',
  relations: 'relation',
  comparisons: 'comparison',
  lessons: 'lesson',
};

// Keys sort by collection (in COLLECTIONS order), then id: the order pages are served in.
const keyOf = (collection: CollectionName, id: string) =>
  `${COLLECTIONS.indexOf(collection)}:${collection}/${id}`;

function isVisible(
  index: ContentIndex,
  collection: CollectionName,
  id: string,
  snapshot: ContentSnapshot,
): boolean {
  switch (collection) {
    case 'categories':
      return index.category(id) !== undefined;
    case 'concepts':
      return index.concept(id) !== undefined;
    case 'lessons':
      return index.lesson(id) !== undefined;
    case 'comparisons':
      return index.comparison(id) !== undefined;
    case 'relations': {
      const relation = snapshot.documents.relations.get(id);
      return (
        relation !== undefined &&
        index.concept(relation.from) !== undefined &&
        index.concept(relation.to) !== undefined
      );
    }
  }
}

/**
 * The documents a client must re-read since a revision: those written in the window, and the
 * relations and comparisons of concepts whose publication changed in it (they appear or vanish
 * for anonymous readers without being written themselves). Before the snapshot's full read
 * such flips are unknown, so any concept changed then counts as one. A full sync (since 0) is
 * every document.
 */
function touchedSince(snapshot: ContentSnapshot, since: number, upTo: number): Set<string> {
  const touched = new Set<string>();
  const { documents } = snapshot;
  const inWindow = (rev: number) => rev > since && rev <= upTo;
  for (const collection of COLLECTIONS) {
    for (const [id, doc] of documents[collection] as ReadonlyMap<string, { rev: number }>) {
      if (since === 0 || inWindow(doc.rev)) touched.add(keyOf(collection, id));
    }
  }
  for (const tombstone of snapshot.tombstones.values()) {
    if (since > 0 && inWindow(tombstone.rev))
      touched.add(keyOf(tombstone.collection, tombstone.id));
  }
  if (since === 0) return touched;
  const flipped = new Set<string>();
  for (const [slug, rev] of snapshot.visibilityFlips) if (inWindow(rev)) flipped.add(slug);
  const changedBeforeLoad = (rev: number) => inWindow(rev) && rev <= snapshot.loadRev;
  for (const concept of documents.concepts.values())
    if (changedBeforeLoad(concept.rev)) flipped.add(concept.slug);
  for (const tombstone of snapshot.tombstones.values()) {
    if (tombstone.collection === 'concepts' && changedBeforeLoad(tombstone.rev))
      flipped.add(tombstone.id);
  }
  for (const relation of documents.relations.values()) {
    if (flipped.has(relation.from) || flipped.has(relation.to))
      touched.add(keyOf('relations', relationId(relation)));
  }
  for (const comparison of documents.comparisons.values()) {
    if (comparison.concepts.some((slug) => flipped.has(slug)))
      touched.add(keyOf('comparisons', comparison.slug));
  }
  return touched;
}

/**
 * A page of what changed for a reader since a sync token (null: a full sync). Paging is by
 * document key within a fixed revision window, so documents updated while a client pages are
 * never skipped: they come again in its next sync. A token from another store history, or one
 * ahead of the store, is FULL_SYNC_REQUIRED.
 */
export function changePage(
  snapshot: ContentSnapshot,
  audience: Audience,
  token: string | null | undefined,
  first: number | null | undefined,
): ChangePage {
  const size = first ?? DEFAULT_SYNC_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SYNC_PAGE) {
    throw new ValidationError(`"first" must be between 1 and ${MAX_SYNC_PAGE}, got ${size}`, [
      { path: ['first'], message: `must be an integer between 1 and ${MAX_SYNC_PAGE}` },
    ]);
  }
  const position = token ? decodeSyncToken(token) : { epoch: snapshot.epoch, since: 0 };
  if (position.epoch !== snapshot.epoch)
    throw fullSyncRequired('The content store has been reset since this sync token.');
  const upTo = position.upTo ?? snapshot.rev;
  if (position.since > snapshot.rev || upTo > snapshot.rev) {
    throw fullSyncRequired('The sync token is ahead of the content store.');
  }
  const index = snapshot.index(audience);
  const keys = [...touchedSince(snapshot, position.since, upTo)]
    .filter((key) => position.after === undefined || key > position.after)
    .sort();
  const page = keys.slice(0, size);
  const hasMore = keys.length > size;
  const result: ChangePage = {
    token: hasMore
      ? encodeSyncToken({ epoch: snapshot.epoch, since: position.since, upTo, after: page.at(-1)! })
      : encodeSyncToken({ epoch: snapshot.epoch, since: upTo }),
    hasMore,
    categories: [],
    concepts: [],
    relations: [],
    comparisons: [],
    lessons: [],
    deleted: [],
  };
  for (const key of page) {
    const [, path] = key.split(':') as [string, string];
    const collection = path.slice(0, path.indexOf('/')) as CollectionName;
    const id = path.slice(path.indexOf('/') + 1);
    if (isVisible(index, collection, id, snapshot)) {
      (result[collection] as unknown[]).push(snapshot.documents[collection].get(id));
    } else {
      result.deleted.push({ type: TYPE_OF[collection], id });
    }
  }
  return result;
}
