import type { CollectionName } from '../domain/bundle.js';
import type { StoredDocument } from './contentStore.js';
import { deferredFieldSet, withDeferredFields, type DeferredLoader } from './deferredFields.js';

// The large texts that a start does not read (a lesson's sections and Markdown are three
// quarters of a lesson; a concept's long texts are read by the search index, built in the
// background after the first answer).
const TEXT_FIELDS = {
  lessons: ['sections', 'markdown'],
  concepts: ['summary', 'definition', 'details', 'examples', 'limitations'],
  comparisons: ['rows'],
} as const satisfies Partial<Record<CollectionName, readonly string[]>>;

/**
 * The fields a compiled course keeps as raw JSON beside the rest, parsed only when first read:
 * the large texts (TEXT_FIELDS), and a concept's analogies, media and sources (a third of a
 * course's objects, read by a page about the concept, a search, an edit; a start's public views
 * read the concepts' links from the facts a build kept of them, see keptFacts). A split's
 * reader knows each deferred field by its placeholder, so it reads a split of any of these
 * fields (a Firestore snapshot's, which defers fewer).
 */
export const DEFERRED_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  ...TEXT_FIELDS,
  concepts: [...TEXT_FIELDS.concepts, 'analogies', 'media', 'sources'],
};

/**
 * The fields a Firestore snapshot defers: the large texts only. Instances of earlier deploys
 * read the same snapshot format, and they take every other field's placeholder for its value (a
 * concept's analogies as 0), so deferring more needs a snapshot format of its own. Its starts
 * meet their goals without it, and its lines keep no facts for the public views to read.
 */
export const SNAPSHOT_DEFERRED_FIELDS: Partial<Record<CollectionName, readonly string[]>> =
  TEXT_FIELDS;

/**
 * The stored document's own field kept beside the rest (in a compiled course and a Firestore
 * snapshot alike): its translation records (hashes of each text's Korean and English, a quarter
 * of the course's bytes), read by an English answer about the document and by edits, never by
 * a start. Deferred only when no record is outdated (none has `since`): a deferred field is
 * then known to hold no outdated English without being read (see OutdatedTranslations). And
 * only beside deferred fields of the data (a concept's, a lesson's, a comparison's): a
 * document that defers nothing else (a relation, a category; their records are a few hashes)
 * keeps them in place, since deferring them alone would cost a start a copy of the document.
 */
export const DEFERRED_DOCUMENT_FIELD = 'translations';

/** Where each deferred field of a document lies in the raw texts: [start, end) in bytes. */
export type DeferredSpans = Record<string, [number, number]>;

/** A course with its deferred fields taken out (see splitDeferredTexts). */
export interface SplitCourse {
  /**
   * The documents, each deferred field's value (of the data, or the document's own) replaced by
   * 0, keeping its place among the keys.
   */
  documents: StoredDocument[];
  /** Per document (same order): its deferred fields' spans, or 0 for none. */
  spans: (DeferredSpans | 0)[];
  /** The deferred fields' JSON, one after another (UTF-8). */
  texts: Buffer;
}

/**
 * Takes the deferred fields (`fields`, a subset of DEFERRED_FIELDS in its order) out of stored
 * documents (at build time), leaving them as they were.
 */
export function splitDeferredTexts(
  documents: readonly StoredDocument[],
  fields: Partial<Record<CollectionName, readonly string[]>> = DEFERRED_FIELDS,
): SplitCourse {
  const chunks: Buffer[] = [];
  let offset = 0;
  const spans: (DeferredSpans | 0)[] = [];
  const take = (value: unknown): [number, number] => {
    const bytes = Buffer.from(JSON.stringify(value));
    chunks.push(bytes);
    offset += bytes.length;
    return [offset - bytes.length, offset];
  };
  const split = documents.map((doc) => {
    const data = doc.data as Record<string, unknown> | null;
    const own = (fields[doc.collection] ?? []).filter(
      (field) => data && Object.hasOwn(data, field),
    );
    // Nothing of the data deferred: nothing of the document either (see DEFERRED_DOCUMENT_FIELD).
    if (doc.deleted || !data || own.length === 0) {
      spans.push(0);
      return doc;
    }
    const records = deferrableRecords(doc, data);
    const docSpans: DeferredSpans = {};
    const rest: Record<string, unknown> = { ...data };
    for (const field of own) {
      docSpans[field] = take(data[field]);
      rest[field] = 0;
    }
    spans.push(docSpans);
    if (!records) return { ...doc, data: rest } as StoredDocument;
    docSpans[DEFERRED_DOCUMENT_FIELD] = take(records);
    return { ...doc, data: rest, [DEFERRED_DOCUMENT_FIELD]: 0 } as unknown as StoredDocument;
  });
  return { documents: split, spans, texts: Buffer.concat(chunks) };
}

// A document's translation records when they may be deferred: none outdated, and no data field
// of the same name to share the document's spans with.
function deferrableRecords(doc: StoredDocument, data: Record<string, unknown>): object | undefined {
  const records = doc[DEFERRED_DOCUMENT_FIELD];
  if (!records || Object.hasOwn(data, DEFERRED_DOCUMENT_FIELD)) return undefined;
  for (const path in records) if (records[path]!.since !== undefined) return undefined;
  return records;
}

/**
 * Where a split course's deferred texts lie, as a compiled course stores it: one number per
 * boundary (the k-th deferred field, in document order and each document's in the order
 * deferredNamesOf gives, is bytes [bounds[k], bounds[k+1])). A start makes one array for them
 * all, where a span object per document (two arrays per field) was a third of the objects a
 * start parsed and kept.
 */
export function textBounds(spans: readonly (DeferredSpans | 0)[]): number[] {
  const bounds = [0];
  for (const docSpans of spans) {
    if (!docSpans) continue;
    for (const field in docSpans) {
      const [start, end] = docSpans[field]!;
      if (start !== bounds[bounds.length - 1]) throw new Error('deferred texts are not contiguous');
      bounds.push(end);
    }
  }
  return bounds;
}

/** Where deferred texts are read from: the UTF-8 text of bytes [start, end). */
export type DeferredTextReader = (start: number, end: number) => string;

/**
 * Puts the deferred fields back into documents read from a compiled course (at start-up), as
 * fields parsed on first read (see withDeferredFields) from the texts `read` gives, where
 * `bounds` (see textBounds) says. Changes the array in place: each document with deferred
 * fields is replaced by one that has them. Returns false when the documents name another
 * number of deferred fields than `bounds` holds (the caller then does not use them).
 */
export function restoreDeferredTexts(
  documents: StoredDocument[],
  bounds: readonly number[],
  read: DeferredTextReader,
): boolean {
  const restorer = new DeferredTextsRestorer(bounds, read);
  documents.forEach((doc, i) => {
    documents[i] = restorer.restore(doc);
  });
  return restorer.complete;
}

/**
 * Puts the deferred fields back into a split course's documents one at a time, in the course's
 * order (see restoreDeferredTexts), so that a start may restore each document as soon as it is
 * parsed and never hold both forms of the whole course.
 */
export class DeferredTextsRestorer {
  // One loader for every field of every document: nothing made per field at start.
  private readonly load: DeferredLoader;
  // The position of the next document's first deferred field among the course's.
  private at = 0;

  constructor(
    private readonly bounds: readonly number[],
    read: DeferredTextReader,
  ) {
    this.load = (index) => JSON.parse(read(bounds[index]!, bounds[index + 1]!)) as unknown;
  }

  /** The next document of the course, with its deferred fields (the same one if it has none). */
  restore(doc: StoredDocument): StoredDocument {
    const names = deferredNamesOf(doc);
    if (!names) return doc;
    const restored = withDeferredTexts(doc, names, this.at, this.load);
    this.at += names.length;
    return restored;
  }

  /**
   * The next document of the course when it is written as its read-model entry (see
   * seed/entryLines): the entry with its deferred fields, its data's and its records' alike
   * (the same object if it has none), and the facts the build kept of them (see keptFacts).
   */
  restoreEntry(collection: CollectionName, entry: object, facts?: unknown): object {
    const names = namesFor(collection, entry, entry);
    if (!names) return entry;
    const fields = deferredFieldSet(names, this.at, this.load, facts);
    const restored = withDeferredFields(entry, fields);
    this.at += names.length;
    return restored;
  }

  /** Whether the documents restored named exactly the deferred fields `bounds` holds. */
  get complete(): boolean {
    return this.at === this.bounds.length - 1;
  }
}

/**
 * A stored document whose deferred fields (`names`, of its data and its own
 * DEFERRED_DOCUMENT_FIELD; the one at position i made by `load(at + i)`) are made on first
 * read. The data is a copy holding the document's set of deferred fields (see copyField: an
 * entry made from it then keeps the document's records deferred); the document is the same one
 * unless its own field is deferred.
 */
export function withDeferredTexts(
  doc: StoredDocument,
  names: readonly string[],
  at: number,
  load: DeferredLoader,
): StoredDocument {
  if (!doc.data) return doc;
  const fields = deferredFieldSet(names, at, load);
  (doc as { data: unknown }).data = withDeferredFields(doc.data, fields);
  if (!names.includes(DEFERRED_DOCUMENT_FIELD)) return doc;
  return withDeferredFields(doc, fields) as unknown as StoredDocument;
}

// The names of a split document's deferred fields, in the order splitDeferredTexts wrote them:
// the data's (DEFERRED_FIELDS it has), then its records when their placeholder stands in
// for them. One array per combination, shared by every document with it.
const namesByCombination = new Map<string, (readonly string[] | undefined)[]>();

function deferredNamesOf(doc: StoredDocument): readonly string[] | undefined {
  const data = doc.data as Record<string, unknown> | null;
  if (doc.deleted || !data) return undefined;
  return namesFor(doc.collection, data, doc);
}

// The names of the deferred fields `data` holds (the fields of DEFERRED_FIELDS whose value is
// the placeholder 0, which no such field's value can be), with the records' last when `holder`
// (the document, or an entry: the data itself) holds their placeholder.
function namesFor(
  collection: CollectionName,
  data: object,
  holder: object,
): readonly string[] | undefined {
  const recordsDeferred =
    (holder as { [DEFERRED_DOCUMENT_FIELD]?: unknown })[DEFERRED_DOCUMENT_FIELD] === 0;
  const fields = DEFERRED_FIELDS[collection] ?? [];
  let combination = 0;
  for (let i = 0; i < fields.length; i++) {
    if ((data as Record<string, unknown>)[fields[i]!] === 0) combination |= 1 << i;
  }
  if (recordsDeferred) combination |= 1 << fields.length;
  if (combination === 0) return undefined;
  let known = namesByCombination.get(collection);
  if (!known) namesByCombination.set(collection, (known = []));
  return (known[combination] ??= [
    ...fields.filter((_, i) => combination & (1 << i)),
    ...(recordsDeferred ? [DEFERRED_DOCUMENT_FIELD] : []),
  ]);
}
