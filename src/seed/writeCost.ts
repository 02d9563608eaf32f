import type { DocumentWrite, StoredDocument } from '../store/contentStore.js';
import { changeEventsOf } from '../store/changeEvents.js';
import { documentCost, REVISION_BOUND, type DocumentCost } from '../store/firestore/commitCost.js';
import { firestoreFields } from '../store/firestore/documentCodec.js';
import { stampWrites } from '../store/stampWrites.js';

// Any epoch: it only seeds the event's id, whose length does not depend on it.
const EPOCH = 'measure';

/**
 * What a write will cost the commit that carries it, measured on what the store will send: the
 * write stamped as the store stamps it (with the document's current state, which decides its
 * version and its translation records, and a revision at least as long as the real one), in its
 * Firestore form, twice (the document and its version copy), and its change event.
 */
export function writeCost(
  write: DocumentWrite,
  current: StoredDocument | undefined,
  actor: string | undefined,
  now: string,
): DocumentCost {
  const [doc] = stampWrites([write], [current], REVISION_BOUND, now, actor);
  const [event] = changeEventsOf([doc!], [current], EPOCH);
  return documentCost(doc!, firestoreFields(doc!, doc!.data), event!);
}
