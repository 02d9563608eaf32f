import type { Firestore, Transaction } from '@google-cloud/firestore';
import { COLLECTIONS } from '../../domain/bundle.js';
import type { ChangeBatch, RejectedDocument, StoredDocument } from '../contentStore.js';
import { fromFirestore } from './documentCodec.js';
import { buildQuery, FIRESTORE_QUERIES } from './firestoreQueries.js';
import type { FirestoreStats } from './firestoreStats.js';

/**
 * Every document of every collection with `rev > sinceRev` (tombstones included; after 0, all
 * of them), read in `tx`. A stored document that does not decode is reported as rejected, not
 * served. Counts its reads in `stats`.
 */
export async function readChangedSince(
  db: Firestore,
  tx: Transaction,
  sinceRev: number,
  stats: FirestoreStats,
): Promise<Pick<ChangeBatch, 'documents' | 'rejected'>> {
  stats.rpcs += COLLECTIONS.length;
  const results = await Promise.all(
    COLLECTIONS.map((collection) =>
      tx.get(buildQuery(db, FIRESTORE_QUERIES.changedSince(collection), [sinceRev])),
    ),
  );
  const documents: StoredDocument[] = [];
  const rejected: RejectedDocument[] = [];
  results.forEach((result, i) => {
    const collection = COLLECTIONS[i]!;
    stats.documentsRead += result.size;
    for (const doc of result.docs) {
      const parsed = fromFirestore(collection, doc.id, doc.data());
      if ('document' in parsed) documents.push(parsed.document);
      else rejected.push(parsed.rejected);
    }
  });
  return { documents, ...(rejected.length > 0 ? { rejected } : {}) };
}
