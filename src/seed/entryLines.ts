import { entryOf } from '../content/entries.js';
import { linksOfConcept } from '../content/publicView.js';
import type { CollectionName } from '../domain/bundle.js';
import type { StoredDocument } from '../store/contentStore.js';
import type { DeferredTextsRestorer } from '../store/deferredTexts.js';
import { entryBackedDocument } from '../store/entryBackedDocuments.js';

/**
 * A live document of a compiled course written as its read-model entry (its data and metadata
 * in one object, as entryOf makes it): a start restores it as an entry-backed document (see
 * entryBackedDocument), which saves it a copy of every document's data.
 */
export interface EntryLine {
  collection: CollectionName;
  id: string;
  /** What the build kept of the document's deferred fields (see keptFactsOf), if anything. */
  facts?: readonly string[];
  entry: object;
}

/** A line of a compiled course: a document as its entry, or as it is stored (tombstones). */
export type CompiledLine = EntryLine | StoredDocument;

/**
 * The line a build writes for a stored document (its deferred fields' placeholders in place):
 * its entry when the document restored from it is the same, key for key and in order (a live
 * document as a store writes it, without a data field named as a metadata one), else the
 * document as it is.
 */
export function compiledLineOf(doc: StoredDocument, facts?: readonly string[]): CompiledLine {
  if (doc.deleted || !doc.data) return doc;
  const line: EntryLine = {
    collection: doc.collection,
    id: doc.id,
    ...(facts ? { facts } : {}),
    entry: entryOf(doc.data as object, doc),
  };
  // Checked by restoring it: the start's code is the judge of what it gives back.
  const restored = entryBackedDocument(line.collection, line.id, structuredClone(line.entry));
  return JSON.stringify(restored) === JSON.stringify(doc) ? line : doc;
}

/**
 * What a build keeps of a stored document (before its deferred fields are taken out) for a start
 * to use without reading them (see keptFacts): a concept's links (see linksOfConcept), which
 * every start's public views read.
 */
export function keptFactsOf(doc: StoredDocument): readonly string[] | undefined {
  if (doc.collection !== 'concepts' || doc.deleted || !doc.data) return undefined;
  return linksOfConcept(doc.data);
}

/**
 * The stored document of a compiled course's line (as parsed), its deferred fields restored
 * in the course's order (see DeferredTextsRestorer).
 */
export function documentOfLine(
  line: CompiledLine,
  restorer: DeferredTextsRestorer,
): StoredDocument {
  if (!('entry' in line)) return restorer.restore(line);
  return entryBackedDocument(
    line.collection,
    line.id,
    restorer.restoreEntry(line.collection, line.entry, line.facts),
  );
}
