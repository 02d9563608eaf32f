import type { CollectionName } from '../domain/bundle.js';
import type { StoredDocument } from './contentStore.js';
import { withDeferredFields } from './deferredFields.js';

/**
 * The fields a compiled course keeps as raw JSON beside the rest, parsed only when first read:
 * the large texts that a start does not read (a lesson's sections and Markdown are three
 * quarters of a lesson; a concept's long texts are read by the search index, built in the
 * background after the first answer). Not a concept's analogies and sources: the read model
 * reads them all to make its public views.
 */
export const DEFERRED_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  lessons: ['sections', 'markdown'],
  concepts: ['summary', 'definition', 'details', 'examples', 'limitations'],
  comparisons: ['rows'],
};

/** Where each deferred field of a document lies in the raw texts: [start, end) in bytes. */
export type DeferredSpans = Record<string, [number, number]>;

/** A course with its deferred fields taken out (see splitDeferredTexts). */
export interface SplitCourse {
  /** The documents, each deferred field's value replaced by 0 (keeping its place among the keys). */
  documents: StoredDocument[];
  /** Per document (same order): its deferred fields' spans, or 0 for none. */
  spans: (DeferredSpans | 0)[];
  /** The deferred fields' JSON, one after another (UTF-8). */
  texts: Buffer;
}

/** Takes the deferred fields out of stored documents (at build time), leaving them as they were. */
export function splitDeferredTexts(documents: readonly StoredDocument[]): SplitCourse {
  const chunks: Buffer[] = [];
  let offset = 0;
  const spans: (DeferredSpans | 0)[] = [];
  const split = documents.map((doc) => {
    const fields = doc.deleted ? [] : (DEFERRED_FIELDS[doc.collection] ?? []);
    const data = doc.data as Record<string, unknown> | null;
    const own = fields.filter((field) => data && Object.hasOwn(data, field));
    if (!data || own.length === 0) {
      spans.push(0);
      return doc;
    }
    const docSpans: DeferredSpans = {};
    const rest: Record<string, unknown> = { ...data };
    for (const field of own) {
      const bytes = Buffer.from(JSON.stringify(data[field]));
      chunks.push(bytes);
      docSpans[field] = [offset, offset + bytes.length];
      offset += bytes.length;
      rest[field] = 0;
    }
    spans.push(docSpans);
    return { ...doc, data: rest } as StoredDocument;
  });
  return { documents: split, spans, texts: Buffer.concat(chunks) };
}

/** Where deferred texts are read from: the UTF-8 text of bytes [start, end). */
export type DeferredTextReader = (start: number, end: number) => string;

/**
 * Puts the deferred fields back into documents read from a compiled course (at start-up), as
 * fields parsed on first read (see withDeferredFields) from the texts `read` gives. Changes the
 * documents in place (each one with deferred fields gets a data object that has them).
 */
export function restoreDeferredTexts(
  documents: readonly StoredDocument[],
  spans: readonly (DeferredSpans | 0)[],
  read: DeferredTextReader,
): void {
  // One loader for every field of every document: nothing made per field at start.
  const load = (span: [number, number]) => JSON.parse(read(span[0], span[1])) as unknown;
  documents.forEach((doc, i) => {
    const docSpans = spans[i];
    if (!docSpans || !doc.data) return;
    (doc as { data: unknown }).data = withDeferredFields(doc.data, docSpans, load);
  });
}
