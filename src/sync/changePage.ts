import type { ContentIndex } from '../content/contentIndex.js';
import type { Entry } from '../content/entries.js';
import { localeRevision } from '../content/localeRevisions.js';
import { wasEverPublic } from '../content/publicHistory.js';
import { visibilityDependencies } from '../content/publicView.js';
import type { Audience, ContentSnapshot } from '../content/snapshot.js';
import { COLLECTIONS, type CollectionName } from '../domain/bundle.js';
import type { Category } from '../domain/category.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import type { Relation } from '../domain/relation.js';
import { ValidationError } from '../errors.js';
import { decodeSyncToken, encodeSyncToken, fullSyncRequired } from './syncToken.js';

// Whether a reader may be told a document is gone: editors, of anything; anonymous readers,
// only of what they could once see (a never-published draft must stay unknown to them).
function mayName(
  snapshot: ContentSnapshot,
  audience: Audience,
  collection: CollectionName,
  id: string,
): boolean {
  return (
    audience === 'preview' || wasEverPublic(snapshot.documents, snapshot.tombstones, collection, id)
  );
}

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

// A touched document that means something to the reader: its view, or undefined if it is gone.
interface TouchedChange {
  key: string;
  collection: CollectionName;
  id: string;
  seen: unknown;
}

// The document as this reader sees it, or undefined when the reader cannot see it.
function visibleDocument(index: ContentIndex, collection: CollectionName, id: string): unknown {
  switch (collection) {
    case 'categories':
      return index.category(id);
    case 'concepts':
      return index.concept(id);
    case 'lessons':
      return index.lesson(id);
    case 'comparisons':
      return index.comparison(id);
    case 'relations':
      return index.relation(id);
  }
}

/**
 * The documents a client must re-read since a revision: those written in the window, and those
 * whose view changed because a concept or lesson they depend on became visible or hidden in it
 * (see visibilityDependencies: relations and comparisons of a concept, lessons linking it,
 * whatever cites a lesson): they appear, vanish or change for anonymous readers without being
 * written themselves. Before the snapshot's full read such flips are unknown, so any
 * concept or lesson changed then counts as one. A full sync (since 0) is every document.
 *
 * With a locale, "written" means "changed for readers of that locale" (see localeRevision): a
 * Korean edit that leaves the English as it was is not sent to English readers. A publication
 * change alters every locale's view, so a flip's document has its locale revision at or after
 * the flip, which is why locale revisions also stand in for flips before the full read.
 * Deletions are every locale's.
 */
function touchedSince(
  snapshot: ContentSnapshot,
  since: number,
  upTo: number,
  locale: Locale | undefined,
): Set<string> {
  const touched = new Set<string>();
  const { documents } = snapshot;
  const inWindow = (rev: number) => rev > since && rev <= upTo;
  const changedAt = (doc: { rev: number; localeRevs?: Record<Locale, number> | undefined }) =>
    locale === undefined ? doc.rev : localeRevision(doc, locale);
  for (const collection of COLLECTIONS) {
    for (const [id, doc] of documents[collection] as ReadonlyMap<string, { rev: number }>) {
      if (since === 0 || inWindow(changedAt(doc))) touched.add(keyOf(collection, id));
    }
  }
  for (const tombstone of snapshot.tombstones.values()) {
    if (since > 0 && inWindow(tombstone.rev))
      touched.add(keyOf(tombstone.collection, tombstone.id));
  }
  if (since === 0) return touched;
  const flipped = new Set<string>();
  for (const [key, rev] of snapshot.visibilityFlips) if (inWindow(rev)) flipped.add(key);
  const changedBeforeLoad = (rev: number) => inWindow(rev) && rev <= snapshot.loadRev;
  for (const collection of ['concepts', 'lessons'] as const) {
    for (const doc of documents[collection].values())
      if (changedBeforeLoad(changedAt(doc))) flipped.add(`${collection}/${doc.slug}`);
  }
  for (const tombstone of snapshot.tombstones.values()) {
    if (changedBeforeLoad(tombstone.rev)) flipped.add(`${tombstone.collection}/${tombstone.id}`);
  }
  if (flipped.size === 0) return touched;
  for (const collection of ['concepts', 'lessons', 'relations', 'comparisons'] as const) {
    for (const [id, doc] of documents[collection]) {
      if (visibilityDependencies(collection, doc).some((key) => flipped.has(key)))
        touched.add(keyOf(collection, id));
    }
  }
  return touched;
}

/**
 * A page of what changed for a reader since a sync token (null: a full sync). Paging is by
 * document key within a fixed revision window, so documents updated while a client pages are
 * never skipped: they come again in its next sync. A token from another store history, or one
 * ahead of the store, is FULL_SYNC_REQUIRED.
 *
 * With `locale` (the locale the page is served in), only what changed for readers of that
 * locale is sent, and an anonymous reader's window ends at that locale's public revision: an
 * edit they cannot see gives them nothing to do, not even a new token. Every change of theirs
 * up to that revision is in the window, and every later one has a higher locale revision, so
 * a sync from the token returned misses nothing. Without it, every change counts.
 */
export function changePage(
  snapshot: ContentSnapshot,
  audience: Audience,
  token: string | null | undefined,
  first: number | null | undefined,
  locale?: Locale,
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
  // Anonymous readers' tokens go by the public revision (of their locale): editing drafts, or
  // another locale's text, gives them nothing to do.
  const upTo = position.upTo ?? snapshot.revisionFor(audience, locale && [locale]);
  if (position.since > snapshot.rev || upTo > snapshot.rev) {
    throw fullSyncRequired('The sync token is ahead of the content store.');
  }
  const index = snapshot.index(audience);
  // What each touched document means to this reader: an upsert, a deletion, or nothing at all.
  // Those that mean nothing are dropped before paging, so that no page boundary (kept in the
  // token) can name a document the reader may not know of.
  const changes = [...touchedSince(snapshot, position.since, upTo, locale)]
    .filter((key) => position.after === undefined || key > position.after)
    .sort()
    .flatMap((key): TouchedChange[] => {
      const [, path] = key.split(':') as [string, string];
      const collection = path.slice(0, path.indexOf('/')) as CollectionName;
      const id = path.slice(path.indexOf('/') + 1);
      const seen = visibleDocument(index, collection, id);
      if (seen !== undefined) return [{ key, collection, id, seen }];
      // A full sync lists what the reader sees and nothing else: its copy starts empty.
      if (position.since > 0 && mayName(snapshot, audience, collection, id))
        return [{ key, collection, id, seen: undefined }];
      return [];
    });
  const page = changes.slice(0, size);
  const hasMore = changes.length > size;
  const result: ChangePage = {
    token: hasMore
      ? encodeSyncToken({
          epoch: snapshot.epoch,
          since: position.since,
          upTo,
          after: page.at(-1)!.key,
        })
      : encodeSyncToken({ epoch: snapshot.epoch, since: upTo }),
    hasMore,
    categories: [],
    concepts: [],
    relations: [],
    comparisons: [],
    lessons: [],
    deleted: [],
  };
  for (const { collection, id, seen } of page) {
    if (seen !== undefined) (result[collection] as unknown[]).push(seen);
    else result.deleted.push({ type: TYPE_OF[collection], id });
  }
  return result;
}
