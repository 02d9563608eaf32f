import { initialTokens, jamoTokens, nameTokens, textTokens } from './indexTokens.js';
import type { SearchEntry } from './searchEntries.js';

/**
 * One version of a concept in the inverted index: its search entry under an id no other
 * version has, so an index that holds several versions of a concept can tell them apart.
 */
export interface IndexedVersion {
  readonly id: number;
  readonly entry: SearchEntry;
}

/** A field of the inverted index. */
export type IndexField = 'names' | 'initials' | 'jamo' | 'text';

/** What the inverted index stores of a version: its id and each field's tokens. */
export type IndexedDocument = { id: number } & Record<IndexField, string>;

// Ids only need to differ between versions; a counter shared by every index does that.
let lastId = 0;

/** A new version holding a concept's search entry. */
export function newVersion(entry: SearchEntry): IndexedVersion {
  return { id: ++lastId, entry };
}

/**
 * The document the inverted index stores for a version: each field's tokens (see indexTokens.ts)
 * joined by spaces, which the index's tokenizer only splits.
 */
export function indexedDocument({ id, entry }: IndexedVersion): IndexedDocument {
  return {
    id,
    names: nameTokens(entry).join(' '),
    initials: initialTokens(entry).join(' '),
    jamo: jamoTokens(entry).join(' '),
    text: entry.texts.flatMap((t) => textTokens(t.lower)).join(' '),
  };
}
