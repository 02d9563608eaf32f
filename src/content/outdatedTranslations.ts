import { COLLECTIONS, type CollectionName } from '../domain/bundle.js';
import { translationOf } from './documentTranslation.js';
import type { DocumentMeta } from '../store/contentStore.js';
import { isDeferredField } from '../store/deferredFields.js';
import type { DocumentSet, Entry } from './entries.js';
import { OverlayMap } from '../structures/overlayMap.js';

// A reader's copy of a text holder (a lesson section's body rewritten to unlink a hidden
// concept) answers for the holder it was made from. Views are immutable, so the link never changes.
const madeFrom = new WeakMap<object, object>();

/**
 * Marks `copy` as a reader's view of `original` (same text, links adjusted), so that a face
 * serving the copy still learns whether the original's English is outdated. Returns `copy`.
 */
export function viewOfHolder<T extends object>(copy: T, original: object): T {
  madeFrom.set(copy, madeFrom.get(original) ?? original);
  return copy;
}

/** Whether a localized value (or a reader's copy of one) holds an outdated translation. */
export type OutdatedCheck = (holder: object) => boolean;

/** For answers that know of no outdated translation. */
export const NOTHING_OUTDATED: OutdatedCheck = () => false;

/**
 * The texts of one revision whose English is OUTDATED, by the objects faces localize (see
 * TranslatableText.holders): a face that served English from one tells its reader so. Found on
 * the first question (Korean readers never ask), once per revision; the next revision's are
 * then found from these and what changed (see `next`).
 */
export class OutdatedTranslations {
  // The outdated texts' holders of each document that has any, by `collection/id`.
  private byDocument: ReadonlyMap<string, readonly object[]> | undefined;
  private holders: WeakSet<object> | undefined;

  /** @param known the holders by document, when derived from the revision before. */
  constructor(
    private readonly documents: DocumentSet,
    known?: ReadonlyMap<string, readonly object[]>,
  ) {
    this.byDocument = known;
  }

  /** Whether `holder` (a localized value, or a reader's copy of one) holds outdated English. */
  readonly has: OutdatedCheck = (holder) => {
    this.holders ??= this.collect();
    const original = madeFrom.get(holder);
    return this.holders.has(holder) || (original !== undefined && this.holders.has(original));
  };

  /**
   * The outdated texts of the next revision, whose documents are `documents`; `changed` names
   * the documents written since (`collection/id`). When this revision's were found, only the
   * changed documents are looked at; else the next revision's are found on its first question.
   */
  next(documents: DocumentSet, changed: readonly string[]): OutdatedTranslations {
    if (!this.byDocument) return new OutdatedTranslations(documents);
    const byDocument = OverlayMap.editing(this.byDocument, changed.length);
    for (const key of changed) {
      const slash = key.indexOf('/');
      const collection = key.slice(0, slash) as CollectionName;
      const entry = documents[collection]?.get(key.slice(slash + 1)) as Entry<object> | undefined;
      const holders = entry ? outdatedHolders(collection, entry) : [];
      if (holders.length > 0) byDocument.set(key, holders);
      else byDocument.delete(key);
    }
    return new OutdatedTranslations(documents, byDocument);
  }

  private collect(): WeakSet<object> {
    if (!this.byDocument) {
      const byDocument = new Map<string, readonly object[]>();
      for (const collection of COLLECTIONS) {
        for (const [id, entry] of this.documents[collection] as ReadonlyMap<
          string,
          Entry<object>
        >) {
          const holders = outdatedHolders(collection, entry);
          if (holders.length > 0) byDocument.set(`${collection}/${id}`, holders);
        }
      }
      this.byDocument = byDocument;
    }
    const holders = new WeakSet<object>();
    for (const list of this.byDocument.values()) for (const holder of list) holders.add(holder);
    return holders;
  }
}

function outdatedHolders(collection: CollectionName, entry: Entry<object>): object[] {
  if (!mayBeOutdated(entry)) return [];
  return translationOf(collection, entry).fields.flatMap((field) =>
    field.state === 'OUTDATED' ? field.holders : [],
  );
}

// Only a record made outdated by a write carries `since` (trackTranslations drops it once the
// English is current again), and a state changes only with a write: documents without one
// need no fingerprinting, which keeps the first English answer after a start cheap. Records
// a start left deferred are current ones (see DEFERRED_DOCUMENT_FIELD): known so unread.
function mayBeOutdated(entry: Entry<object>): boolean {
  if (isDeferredField(entry, 'translations')) return false;
  const records = (entry as DocumentMeta).translations;
  if (!records) return false;
  for (const path in records) if (records[path]!.since !== undefined) return true;
  return false;
}
