import type { CollectionName } from '../domain/bundle.js';
import type { StoredDocument } from '../store/contentStore.js';

/** A deleted document as the read model remembers it: enough to tell a syncing client. */
export interface Tombstone {
  collection: CollectionName;
  id: string;
  rev: number;
  /** As the deleted document had it (see DocumentMeta): whether it was ever published. */
  firstPublishedAt?: string | null;
}

/** Deleted documents by `collection/id`. */
export type Tombstones = ReadonlyMap<string, Tombstone>;

/**
 * The tombstones after some changes: deletes add one, a re-created document loses its own.
 * Returns the previous map itself when nothing changed.
 */
export function applyTombstones(
  previous: Tombstones,
  changes: readonly StoredDocument[],
): Tombstones {
  let next: Map<string, Tombstone> | undefined;
  for (const doc of changes) {
    // Without tombstones yet, only a delete can make one: no key made for every document of a
    // full load.
    if (!doc.deleted && previous.size === 0 && next === undefined) continue;
    const key = `${doc.collection}/${doc.id}`;
    if (!doc.deleted && !previous.has(key) && !next?.has(key)) continue;
    next ??= new Map(previous);
    if (doc.deleted) {
      const { collection, id, rev, firstPublishedAt } = doc;
      next.set(key, {
        collection,
        id,
        rev,
        ...(firstPublishedAt !== undefined ? { firstPublishedAt } : {}),
      });
    } else next.delete(key);
  }
  return next ?? previous;
}
