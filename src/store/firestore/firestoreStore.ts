import { randomUUID } from 'node:crypto';
import { FieldPath, Firestore, type DocumentReference } from '@google-cloud/firestore';
import type { CollectionName } from '../../domain/bundle.js';
import { AppError, ErrorCode } from '../../errors.js';
import type {
  ChangeBatch,
  CommitOptions,
  ContentStore,
  DocumentWrite,
  EventPage,
  StoredDocument,
} from '../contentStore.js';
import { checkPreconditions, stampWrites } from '../stampWrites.js';
import { changeEventsOf } from '../changeEvents.js';
import { changeEventSchema } from '../../domain/changeEvent.js';
import { assertDistinctWrites } from '../assertDistinctWrites.js';
import { withDeadline } from '../deadline.js';
import { fromFirestore, storedState, toFirestore } from './documentCodec.js';
import { buildQuery, FIRESTORE_QUERIES } from './firestoreQueries.js';
import { observeLazyTransactionStart } from './lazyTransactionStart.js';
import type { SnapshotPointer } from './compactedSnapshot.js';
import { SnapshotStorage } from './snapshotStorage.js';
import { readChangedSince } from './changedSince.js';
import { epochOf, revisionOf } from './contentMeta.js';
import type { FirestoreStats } from './firestoreStats.js';
import { logger } from '../../observability/logger.js';
import { storeErrorOf } from './firestoreErrors.js';
import { assertCommitFits, documentCost, EVENTS, VERSIONS } from './commitCost.js';

/** How to reach Firestore. */
export interface FirestoreStoreOptions {
  projectId: string;
  /** host:port of the emulator; unset for real Firestore. */
  emulatorHost?: string;
  /** Deadline of one store operation, after which it fails with UNAVAILABLE. */
  timeoutMs: number;
  /**
   * A full read that had to read more than this many documents one by one leaves a compacted
   * snapshot behind (default COMPACT_AFTER_DOCUMENTS).
   */
  compactAfterDocuments?: number;
}

/**
 * How many documents a full read may read one by one before it writes a compacted snapshot: so
 * an instance's start reads at most about this many documents plus the snapshot's few parts,
 * whatever the size of the course.
 */
export const COMPACT_AFTER_DOCUMENTS = 200;

/** The deadline of compact(): a full read of a large store and the snapshot's writes. */
export const COMPACTION_TIMEOUT_MS = 300_000;

/**
 * The Firestore adapter of the store port. One collection per content collection, ids as
 * bundleToWrites makes them; `meta/content` holds the content revision. Every commit is one
 * transaction that reads the revision and the written documents, checks expected versions, and
 * writes documents (with `rev`, `version`, timestamps; tombstones for deletes), their version
 * copies, their change events and the new revision together. Reads of changes happen in one
 * read-only transaction, so the documents and the revision they report are consistent; a full
 * read starts from the compacted snapshot (SnapshotStorage).
 */
export class FirestoreStore implements ContentStore {
  readonly kind = 'firestore';
  readonly stats: FirestoreStats = { rpcs: 0, documentsRead: 0, documentsWritten: 0 };
  private readonly db: Firestore;
  private readonly metaRef: DocumentReference;
  private readonly relayRef: DocumentReference;
  private readonly snapshots: SnapshotStorage;
  // A compacted snapshot being written in the background (see readChanges); close() awaits it.
  private compacting: Promise<unknown> | undefined;
  // This instance's commits, one at a time (see commit).
  private lastCommit: Promise<unknown> = Promise.resolve();

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
    this.relayRef = this.db.collection('meta').doc('relay');
    this.snapshots = new SnapshotStorage(this.db, this.metaRef, this.stats);
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
    if (sinceRev > 0) {
      return this.guard('a change read', () =>
        this.db.runTransaction(
          async (tx) => {
            const [meta, changes] = await Promise.all([
              tx.get(this.metaRef),
              readChangedSince(this.db, tx, sinceRev, this.stats),
            ]);
            this.stats.rpcs++;
            this.stats.documentsRead++;
            return { rev: revisionOf(meta.data()), epoch: epochOf(meta.data()), ...changes };
          },
          { readOnly: true },
        ),
      );
    }
    return this.guard('a change read', async () => {
      const { batch, readOneByOne, fromEarlierSnapshot } = await this.snapshots.readEverything();
      // Many documents read one by one, or an earlier deploy's snapshot: leave a compacted
      // snapshot of this one, so the next start is cheap.
      if (
        fromEarlierSnapshot ||
        readOneByOne > (this.options.compactAfterDocuments ?? COMPACT_AFTER_DOCUMENTS)
      ) {
        this.compacting ??= this.snapshots
          .write(batch)
          .catch((error: unknown) => {
            logger().warn(`could not write a compacted snapshot: ${String(error)}`);
          })
          .finally(() => {
            this.compacting = undefined;
          });
      }
      return batch;
    });
  }

  /**
   * Writes a compacted snapshot of the store as it is now and points `meta/snapshot-v3` at it (the
   * seed CLI does this after an import). Later full reads start from it and read only the
   * documents written since. Returns what it wrote.
   */
  compact(): Promise<SnapshotPointer> {
    // Maintenance, not a request: it may read every document once, which takes longer than a
    // request's deadline on a large store.
    return this.guard(
      'a compaction',
      async () => this.snapshots.write((await this.snapshots.readEverything()).batch),
      undefined,
      Math.max(this.options.timeoutMs, COMPACTION_TIMEOUT_MS),
    );
  }

  commit(writes: readonly DocumentWrite[], options: CommitOptions = {}): Promise<ChangeBatch> {
    // Once the caller has been told UNAVAILABLE, the client's own retries must not land the write.
    let abandoned = false;
    const stopIfAbandoned = () => {
      if (abandoned) {
        throw new AppError(ErrorCode.UNAVAILABLE, 'The commit was abandoned after its deadline.');
      }
    };
    const required = options.requireExisting ?? [];
    return this.guard(
      'a commit',
      () =>
        this.inTurn(() =>
          this.db.runTransaction(async (tx) => {
            stopIfAbandoned();
            assertDistinctWrites(writes);
            const refs = writes.map((write) => this.db.collection(write.collection).doc(write.id));
            const requiredRefs = required.map((ref) =>
              this.db.collection(ref.collection).doc(ref.id),
            );
            this.stats.rpcs++;
            const reads = tx.getAll(this.metaRef, ...refs, ...requiredRefs);
            observeLazyTransactionStart(tx);
            const [meta, ...snapshots] = await reads;
            stopIfAbandoned();
            this.stats.documentsRead += snapshots.length + 1;
            const stateOf = (collection: CollectionName, id: string, index: number) => {
              const snapshot = snapshots[index]!;
              return snapshot.exists ? storedState(collection, id, snapshot.data()) : undefined;
            };
            const current = writes.map((write, i) => stateOf(write.collection, write.id, i));
            const requiredState = required.map((ref, i) =>
              stateOf(ref.collection, ref.id, writes.length + i),
            );
            checkPreconditions(writes, current, requiredState, options);
            const rev = revisionOf(meta!.data()) + 1;
            // The first commit of a store starts its epoch; later ones keep it.
            const epoch = epochOf(meta!.data()) || randomUUID();
            const now = new Date().toISOString();
            const written = stampWrites(writes, current, rev, now, options.actor);
            const encoded = written.map(toFirestore);
            const events = changeEventsOf(written, current, epoch);
            // Refused here, whole, rather than by Firestore after its client's minute of retries.
            assertCommitFits(written.map((doc, i) => documentCost(doc, encoded[i]!, events[i]!)));
            written.forEach((doc, i) => {
              tx.set(refs[i]!, encoded[i]!);
              // The version history lives beside the document: one subcollection entry per write.
              tx.set(refs[i]!.collection(VERSIONS).doc(String(doc.version)), encoded[i]!);
              // The outbox: the write's event, in the same transaction (it exists iff the change does).
              tx.set(this.db.collection(EVENTS).doc(events[i]!.position), events[i]!);
            });
            tx.set(this.metaRef, { rev, epoch, updatedAt: now });
            this.stats.rpcs++;
            this.stats.documentsWritten += 3 * written.length + 1;
            return { rev, epoch, documents: written };
          }),
        ),
      () => {
        abandoned = true;
      },
    );
  }

  // Every commit reads and writes `meta/content`, so two commits can never both go through at
  // once: sent together they only contend for its lock, and 20 at once can time each other out
  // in Firestore's lock manager. One instance's commits therefore wait for each other here; a
  // commit's deadline includes its wait.
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.lastCommit.then(work);
    this.lastCommit = turn.catch(() => undefined);
    return turn;
  }

  readHistory(collection: CollectionName, id: string, limit: number): Promise<StoredDocument[]> {
    return this.guard('a history read', async () => {
      this.stats.rpcs++;
      const versions = this.db.collection(collection).doc(id).collection(VERSIONS);
      const result = await buildQuery(this.db, FIRESTORE_QUERIES.history(), [], versions)
        .limit(limit)
        .get();
      this.stats.documentsRead += result.size;
      return result.docs.flatMap((doc) => {
        const parsed = fromFirestore(collection, id, doc.data());
        return 'document' in parsed ? [parsed.document] : [];
      });
    });
  }

  readEvents(after: string | null, limit: number): Promise<EventPage> {
    return this.guard('an event read', async () => {
      this.stats.rpcs += 2;
      let query = this.db.collection(EVENTS).orderBy(FieldPath.documentId()).limit(limit);
      if (after !== null) query = query.startAfter(after);
      const [meta, result] = await Promise.all([this.metaRef.get(), query.get()]);
      this.stats.documentsRead += result.size + 1;
      // An event that does not parse is a bug or a hand edit: fail loudly rather than skip it.
      const events = result.docs.map((doc) => changeEventSchema.parse(doc.data()));
      return { epoch: epochOf(meta.data()), events };
    });
  }

  readRelayPosition(): Promise<string | null> {
    return this.guard('a relay position read', async () => {
      this.stats.rpcs++;
      const snapshot = await this.relayRef.get();
      this.stats.documentsRead++;
      return positionOf(snapshot.data());
    });
  }

  markRelayed(position: string): Promise<void> {
    return this.guard('a relay position write', () =>
      this.db.runTransaction(async (tx) => {
        this.stats.rpcs += 2;
        const read = tx.get(this.relayRef);
        observeLazyTransactionStart(tx);
        const known = positionOf((await read).data());
        if (known !== null && known >= position) return;
        tx.set(this.relayRef, { position, updatedAt: new Date().toISOString() });
        this.stats.documentsWritten++;
      }),
    );
  }

  async close(): Promise<void> {
    await this.compacting;
    await this.db.terminate();
  }

  // Deadlines and error mapping: an unreachable backend is UNAVAILABLE; our own errors pass.
  private async guard<T>(
    what: string,
    work: () => Promise<T>,
    onAbandon?: () => void,
    timeoutMs = this.options.timeoutMs,
  ): Promise<T> {
    try {
      return await withDeadline(work(), timeoutMs, what, onAbandon);
    } catch (error) {
      throw storeErrorOf(error, what);
    }
  }
}

function positionOf(relay: Record<string, unknown> | undefined): string | null {
  return typeof relay?.position === 'string' ? relay.position : null;
}
