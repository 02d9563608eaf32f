import { Firestore, type DocumentReference, type Query } from '@google-cloud/firestore';
import { COLLECTIONS } from '../../domain/bundle.js';
import { AppError, ConflictError, ErrorCode } from '../../errors.js';
import type {
  ChangeBatch,
  ContentStore,
  DocumentWrite,
  RejectedDocument,
  StoredDocument,
} from '../contentStore.js';
import { assertDistinctWrites } from '../assertDistinctWrites.js';
import { withDeadline } from '../deadline.js';
import { fromFirestore, toFirestore } from './documentCodec.js';
import { FIRESTORE_QUERIES, type DeclaredQuery } from './firestoreQueries.js';

/** How to reach Firestore. */
export interface FirestoreStoreOptions {
  projectId: string;
  /** host:port of the emulator; unset for real Firestore. */
  emulatorHost?: string;
  /** Deadline of one store operation, after which it fails with UNAVAILABLE. */
  timeoutMs: number;
}

/** What the adapter has asked Firestore so far (for tests and benchmarks). */
export interface FirestoreStats {
  /** Document gets, queries and commits sent. */
  rpcs: number;
  documentsRead: number;
  documentsWritten: number;
}

// gRPC status codes that mean "the backend cannot be reached right now".
const UNREACHABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/**
 * The Firestore adapter of the store port. Collections and ids as in DESIGN.md; `meta/content`
 * holds the content revision. Every commit is one transaction that reads the revision and the
 * written documents, checks expected versions, and writes documents (with `rev`, `version`,
 * timestamps; tombstones for deletes) and the new revision together. Reads of changes happen
 * in one read-only transaction, so the documents and the revision they report are consistent.
 */
export class FirestoreStore implements ContentStore {
  readonly kind = 'firestore';
  readonly stats: FirestoreStats = { rpcs: 0, documentsRead: 0, documentsWritten: 0 };
  private readonly db: Firestore;
  private readonly metaRef: DocumentReference;

  constructor(private readonly options: FirestoreStoreOptions) {
    this.db = new Firestore({
      projectId: options.projectId,
      // For the emulator, name the universe domain so the client does not ask the (absent)
      // metadata server for it and warn; real Firestore finds it from its credentials.
      ...(options.emulatorHost
        ? { host: options.emulatorHost, ssl: false, universeDomain: 'googleapis.com' }
        : {}),
      ignoreUndefinedProperties: true,
    });
    this.metaRef = this.db.collection('meta').doc('content');
  }

  readRevision(): Promise<number> {
    return this.guard('a revision read', async () => {
      this.stats.rpcs++;
      const snapshot = await this.metaRef.get();
      this.stats.documentsRead++;
      return revisionOf(snapshot.data());
    });
  }

  readChanges(sinceRev: number): Promise<ChangeBatch> {
    return this.guard('a change read', () =>
      this.db.runTransaction(
        async (tx) => {
          this.stats.rpcs += 1 + COLLECTIONS.length;
          const [meta, ...results] = await Promise.all([
            tx.get(this.metaRef),
            ...COLLECTIONS.map((collection) =>
              tx.get(
                sinceRev === 0
                  ? this.query(FIRESTORE_QUERIES.live(collection), [false])
                  : this.query(FIRESTORE_QUERIES.changedSince(collection), [sinceRev]),
              ),
            ),
          ]);
          const documents: StoredDocument[] = [];
          const rejected: RejectedDocument[] = [];
          results.forEach((result, i) => {
            const collection = COLLECTIONS[i]!;
            this.stats.documentsRead += result.size;
            for (const doc of result.docs) {
              const parsed = fromFirestore(collection, doc.id, doc.data());
              if ('document' in parsed) documents.push(parsed.document);
              else rejected.push(parsed.rejected);
            }
          });
          this.stats.documentsRead++;
          return {
            rev: revisionOf(meta.data()),
            documents,
            ...(rejected.length > 0 ? { rejected } : {}),
          };
        },
        { readOnly: true },
      ),
    );
  }

  commit(writes: readonly DocumentWrite[]): Promise<ChangeBatch> {
    // Once the caller has been told UNAVAILABLE, the client's own retries must not land the write.
    let abandoned = false;
    const stopIfAbandoned = () => {
      if (abandoned)
        throw new AppError(ErrorCode.UNAVAILABLE, 'The commit was abandoned after its deadline.');
    };
    return this.guard(
      'a commit',
      () =>
        this.db.runTransaction(async (tx) => {
          stopIfAbandoned();
          assertDistinctWrites(writes);
          const refs = writes.map((write) => this.db.collection(write.collection).doc(write.id));
          this.stats.rpcs++;
          const reads = tx.getAll(this.metaRef, ...refs);
          observeLazyTransactionStart(tx);
          const [meta, ...current] = await reads;
          stopIfAbandoned();
          this.stats.documentsRead += 1 + current.length;
          const existing = current.map((snapshot, i) => {
            const write = writes[i]!;
            if (!snapshot.exists) return undefined;
            const parsed = fromFirestore(write.collection, write.id, snapshot.data());
            // A corrupt stored document may be overwritten, but its version still counts.
            return 'document' in parsed ? parsed.document : undefined;
          });
          writes.forEach((write, i) => {
            if (write.expectedVersion === undefined) return;
            const doc = existing[i];
            const currentVersion = doc && !doc.deleted ? doc.version : null;
            if ((currentVersion ?? 0) !== write.expectedVersion) {
              throw new ConflictError(
                `${write.collection}/${write.id}`,
                write.expectedVersion,
                currentVersion,
              );
            }
          });
          const rev = revisionOf(meta!.data()) + 1;
          const now = new Date().toISOString();
          const written = writes.map((write, i): StoredDocument => {
            const doc = existing[i];
            const stamp = {
              rev,
              version: (doc?.version ?? 0) + 1,
              createdAt: doc && !doc.deleted ? doc.createdAt : now,
              updatedAt: now,
            };
            const stored = (
              write.op === 'put'
                ? {
                    collection: write.collection,
                    id: write.id,
                    deleted: false,
                    data: write.data,
                    ...stamp,
                  }
                : {
                    collection: write.collection,
                    id: write.id,
                    deleted: true,
                    data: null,
                    ...stamp,
                  }
            ) as StoredDocument;
            tx.set(refs[i]!, toFirestore(stored));
            return stored;
          });
          tx.set(this.metaRef, { rev, updatedAt: now });
          this.stats.rpcs++;
          this.stats.documentsWritten += written.length + 1;
          return { rev, documents: written };
        }),
      () => {
        abandoned = true;
      },
    );
  }

  async close(): Promise<void> {
    await this.db.terminate();
  }

  private query(declared: DeclaredQuery, values: unknown[]): Query {
    let query: Query = this.db.collection(declared.collection);
    declared.filters.forEach(([field, operator], i) => {
      query = query.where(field, operator, values[i]);
    });
    for (const field of declared.orderBy) query = query.orderBy(field);
    return query;
  }

  // Deadlines and error mapping: an unreachable backend is UNAVAILABLE; our own errors pass.
  private async guard<T>(what: string, work: () => Promise<T>, onAbandon?: () => void): Promise<T> {
    try {
      return await withDeadline(work(), this.options.timeoutMs, what, onAbandon);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number' && UNREACHABLE_CODES.has(code)) {
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          `The content store is unreachable (${what} failed).`,
        );
      }
      throw error;
    }
  }
}

/**
 * The SDK starts a read-write transaction lazily inside its first read and keeps a second promise
 * for the transaction id that only later reads await. When the first read is also the only one
 * and it fails (the backend is down), that promise rejects with no handler: an unhandled
 * rejection that would crash the process. The failure already reaches us through the read
 * itself, so the duplicate is observed here. (Private field: if it disappears, this does nothing.)
 */
function observeLazyTransactionStart(tx: unknown): void {
  const pending = (tx as { _transactionIdPromise?: Promise<unknown> })._transactionIdPromise;
  pending?.catch(() => undefined);
}

function revisionOf(meta: Record<string, unknown> | undefined): number {
  const rev = meta?.rev;
  return typeof rev === 'number' && Number.isInteger(rev) && rev >= 0 ? rev : 0;
}
