// A stored document restored from a compiled course as the read model's entry for it (its data
// with its storage metadata, in one object: see seed/entryLines). A start used to make three
// objects per document (the parsed data, its copy with the deferred fields, and the entry copied
// from that); made from its entry, a document costs one copy, and its data is made only when
// something reads it (an edit of it, its history, an export), which a start never does.

import type { CollectionName } from '../domain/bundle.js';
import { DOCUMENT_META_FIELDS, type StoredDocument } from './contentStore.js';
import { copyField, copyWithoutFields, deepFreeze, shareDeferredFields } from './deferredFields.js';

const ENTRY = Symbol('read-model entry');

const META_FIELDS: ReadonlySet<string> = new Set(DOCUMENT_META_FIELDS);

// Each entry-backed document's data once made (its key the document, which is frozen).
const madeData = new WeakMap<object, Record<string, unknown>>();

type EntryBacked = Record<string, unknown> & { [ENTRY]: Record<string, unknown> };

// The `data` getter of every entry-backed document (one function: a getter made per document
// would give each document a shape of its own). The entry without its metadata, frozen.
function dataOfEntry(this: EntryBacked): Record<string, unknown> {
  let data = madeData.get(this);
  if (!data) {
    // The entry's values are frozen already (see entryBackedDocument): a shallow freeze will do.
    data = Object.freeze(copyWithoutFields(this[ENTRY], META_FIELDS));
    madeData.set(this, data);
  }
  return data;
}

// One descriptor for every document's `data` (defineProperty does not keep it).
const DATA: PropertyDescriptor = Object.freeze({
  get: dataOfEntry,
  enumerable: true,
  configurable: true,
});

/**
 * The live stored document whose read-model entry is `entry` (a document's data with its
 * metadata, as entryOf makes it, its deferred fields in place), frozen with everything it
 * holds: its keys in the order a store writes them, its metadata taken from the entry (its
 * deferred translation records left deferred), its data made on first read from the entry.
 * The caller gives the entry up: it is the document's (see entryOfAdopted).
 */
export function entryBackedDocument(
  collection: CollectionName,
  id: string,
  entry: object,
): StoredDocument {
  deepFreeze(entry);
  const doc: Record<string, unknown> = {};
  shareDeferredFields(doc, entry);
  doc.collection = collection;
  doc.id = id;
  doc.deleted = false;
  Object.defineProperty(doc, 'data', DATA);
  // The records stay deferred when they are (the document holds the entry's set).
  for (const field of DOCUMENT_META_FIELDS) copyField(doc, entry, field);
  Object.defineProperty(doc, ENTRY, { value: entry });
  return Object.freeze(doc) as unknown as StoredDocument;
}

/**
 * The read-model entry a document restored by entryBackedDocument holds (frozen, and to be
 * shared as it is), or undefined for any other document.
 */
export function entryOfAdopted(doc: StoredDocument): object | undefined {
  return (doc as unknown as Partial<EntryBacked>)[ENTRY];
}
