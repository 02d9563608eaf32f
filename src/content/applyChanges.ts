import { COLLECTIONS, type CollectionName } from '../domain/bundle.js';
import type { StoredDocument } from '../store/contentStore.js';
import { entryOfDocument, type DocumentSet, type Entry } from './entries.js';
import { OverlayMap, type EditableMap } from '../structures/overlayMap.js';

/**
 * Returns a new document set with the changed documents applied (tombstones remove).
 * Collections without changes are shared with the previous set, not copied; a changed one is
 * an overlay over the previous one's (see OverlayMap), so an edit costs O(what changed).
 */
export function applyChanges(
  previous: DocumentSet,
  changes: readonly StoredDocument[],
): DocumentSet {
  const touched = new Map<CollectionName, EditableMap<string, Entry<unknown>>>();
  for (const doc of changes) {
    let collection = touched.get(doc.collection);
    if (!collection) {
      collection = OverlayMap.editing<string, Entry<unknown>>(
        previous[doc.collection],
        changes.length,
      );
      touched.set(doc.collection, collection);
    }
    if (doc.deleted) collection.delete(doc.id);
    else collection.set(doc.id, entryOfDocument(doc));
  }
  const next = { ...previous } as Record<CollectionName, unknown>;
  for (const name of COLLECTIONS) if (touched.has(name)) next[name] = touched.get(name);
  return next as DocumentSet;
}
