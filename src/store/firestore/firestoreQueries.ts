import type { Firestore, Query } from '@google-cloud/firestore';
import type { CollectionName } from '../../domain/bundle.js';

/** A query the Firestore adapter makes, described for the index-coverage check. */
export interface DeclaredQuery {
  /** A collection, or the collection group of a subcollection (`versions`). */
  collection: CollectionName | 'versions';
  /** Field filters, in order: `[field, operator]`. */
  filters: [field: string, operator: '==' | '>' | '<' | '>=' | '<='][];
  orderBy: [field: string, direction: 'asc' | 'desc'][];
}

/**
 * Every query the adapter issues. The adapter builds its queries from this list, and a test
 * checks each is served by an index in firestore.indexes.json (real Firestore refuses a query
 * whose composite index is missing; the emulator does not, so the test is the only guard).
 */
export const FIRESTORE_QUERIES = {
  /** Every document (tombstones included) written after a revision; after 0, all of them. */
  changedSince: (collection: CollectionName): DeclaredQuery => ({
    collection,
    filters: [['rev', '>']],
    orderBy: [],
  }),
  /** A document's history: its `versions` subcollection, newest first. */
  history: (): DeclaredQuery => ({
    collection: 'versions',
    filters: [],
    orderBy: [['version', 'desc']],
  }),
} as const;

/**
 * A declared query with its filter values, as the client's `Query`: on `base` (a subcollection)
 * when given, else on the declared collection. Built only from declarations, so the index check
 * sees every query there is.
 */
export function buildQuery(
  db: Firestore,
  declared: DeclaredQuery,
  values: readonly unknown[],
  base?: Query,
): Query {
  let query: Query = base ?? db.collection(declared.collection);
  declared.filters.forEach(([field, operator], i) => {
    query = query.where(field, operator, values[i]);
  });
  for (const [field, direction] of declared.orderBy) query = query.orderBy(field, direction);
  return query;
}
