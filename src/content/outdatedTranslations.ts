import { COLLECTIONS } from '../domain/bundle.js';
import { translationOf } from './documentTranslation.js';
import type { DocumentMeta } from '../store/contentStore.js';
import type { DocumentSet, Entry } from './entries.js';

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
 * the first question (Korean readers never ask), once per revision.
 */
export class OutdatedTranslations {
  private holders: WeakSet<object> | undefined;

  constructor(private readonly documents: DocumentSet) {}

  /** Whether `holder` (a localized value, or a reader's copy of one) holds outdated English. */
  readonly has: OutdatedCheck = (holder) => {
    this.holders ??= this.collect();
    const original = madeFrom.get(holder);
    return this.holders.has(holder) || (original !== undefined && this.holders.has(original));
  };

  private collect(): WeakSet<object> {
    const holders = new WeakSet<object>();
    for (const collection of COLLECTIONS) {
      for (const entry of this.documents[collection].values() as Iterable<Entry<object>>) {
        if (!mayBeOutdated(entry)) continue;
        for (const field of translationOf(collection, entry).fields) {
          if (field.state === 'OUTDATED') field.holders.forEach((holder) => holders.add(holder));
        }
      }
    }
    return holders;
  }
}

// Only a record made outdated by a write carries `since` (trackTranslations drops it once the
// English is current again), and a state changes only with a write: documents without one
// need no fingerprinting, which keeps the first English answer after a start cheap.
function mayBeOutdated(entry: Entry<object>): boolean {
  const records = (entry as DocumentMeta).translations;
  if (!records) return false;
  for (const path in records) if (records[path]!.since !== undefined) return true;
  return false;
}
