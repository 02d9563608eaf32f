import type { CollectionName } from '../domain/bundle.js';
import type { CollectionData, DocumentMeta, StoredDocument } from '../store/contentStore.js';
import { copyField, copyWithDeferredFields } from '../store/deferredFields.js';
import { entryOfAdopted } from '../store/entryBackedDocuments.js';

/** A live document of the read model: its data with its storage metadata. */
export type Entry<T> = T & DocumentMeta;

/** The live documents of every collection, by id. */
export type DocumentSet = {
  readonly [C in CollectionName]: ReadonlyMap<string, Entry<CollectionData[C]>>;
};

/** An empty document set. */
export function emptyDocumentSet(): DocumentSet {
  return {
    categories: new Map(),
    concepts: new Map(),
    relations: new Map(),
    comparisons: new Map(),
    lessons: new Map(),
  };
}

const NOTHING_MORE = Object.freeze({});

/**
 * The entry for a stored document's data: the data with the document's storage metadata (only
 * the metadata: a stored document's collection, id and deleted flag are not part of an entry).
 */
export function entryOf<T extends object>(data: T, meta: DocumentMeta): Entry<T> {
  // Deferred fields (a start's large texts) stay deferred: a spread would parse them all. The
  // metadata set field by field, not spread from optional parts: a start makes an entry per
  // document, and each part would be an object made only to be collected.
  const entry = copyWithDeferredFields(data, NOTHING_MORE) as Record<string, unknown>;
  entry.rev = meta.rev;
  entry.version = meta.version;
  entry.createdAt = meta.createdAt;
  entry.updatedAt = meta.updatedAt;
  if (meta.updatedBy) entry.updatedBy = meta.updatedBy;
  if (meta.firstPublishedAt !== undefined) entry.firstPublishedAt = meta.firstPublishedAt;
  // Still deferred when the document's are (see DEFERRED_DOCUMENT_FIELD).
  copyField(entry, meta, 'translations');
  if (meta.translationEvents) entry.translationEvents = meta.translationEvents;
  if (meta.localeRevs) entry.localeRevs = meta.localeRevs;
  return entry as Entry<T>;
}

/**
 * The entry of a live stored document: the one it holds when a compiled course was restored
 * as entries (see entryBackedDocument), else made by entryOf.
 */
export function entryOfDocument(doc: StoredDocument): Entry<unknown> {
  return (entryOfAdopted(doc) ?? entryOf(doc.data as object, doc)) as Entry<unknown>;
}

/** The authored document inside an entry: its storage metadata dropped. */
export function withoutMeta<T extends DocumentMeta>(entry: T): Omit<T, keyof DocumentMeta> {
  const {
    rev: _rev,
    version: _version,
    createdAt: _c,
    updatedAt: _u,
    updatedBy: _b,
    firstPublishedAt: _p,
    translations: _t,
    translationEvents: _e,
    localeRevs: _l,
    ...data
  } = entry;
  return data;
}
