import type { DocumentReference, Firestore, Transaction } from '@google-cloud/firestore';
import { logger } from '../../observability/logger.js';
import type { ChangeBatch } from '../contentStore.js';
import { readChangedSince } from './changedSince.js';
import {
  CHUNKS,
  EARLIER_POINTER_DOC,
  POINTER_DOC,
  SNAPSHOT_FORMAT,
  SNAPSHOTS,
  decodeSnapshot,
  encodeSnapshot,
  pointerOf,
  snapshotId,
  storedPointer,
  withChanges,
  type SnapshotPointer,
} from './compactedSnapshot.js';
import { epochOf, revisionOf } from './contentMeta.js';
import type { FirestoreStats } from './firestoreStats.js';
import { observeLazyTransactionStart } from './lazyTransactionStart.js';

// Parts written per request: 4 parts of CHUNK_BYTES stay under the emulator's 4 MiB gRPC message
// limit (9, under real Firestore's 10 MiB per request, were refused there with RESOURCE_EXHAUSTED
// at 300× the course).
const CHUNKS_PER_REQUEST = 4;

/** A full read of the store, and how many of its documents had to be read one by one. */
export interface FullRead {
  batch: ChangeBatch;
  readOneByOne: number;
  /**
   * Whether it started from the snapshot an earlier deploy's pointer names (see
   * EARLIER_POINTER_DOC), read only when this format's pointer gave none: of an earlier format
   * (the first, parsed whole at every start; or format 2, whose head holds every translation
   * record and a span object per document) or of this one. The caller leaves one of its own.
   */
  fromEarlierSnapshot?: boolean;
}

/**
 * The compacted snapshots of one Firestore store (see compactedSnapshot.ts): a full read starts
 * from the one this format's pointer (`meta/snapshot-v3`, POINTER_DOC) names, else from the one
 * an earlier deploy's pointer names, and adds what was written since; `write` stores a new one
 * and moves this format's pointer (and the earlier deploys' one when it is of this format).
 */
export class SnapshotStorage {
  private readonly pointerRef: DocumentReference;
  private readonly earlierPointerRef: DocumentReference;

  constructor(
    private readonly db: Firestore,
    private readonly metaRef: DocumentReference,
    private readonly stats: FirestoreStats,
  ) {
    this.pointerRef = db.collection('meta').doc(POINTER_DOC);
    this.earlierPointerRef = db.collection('meta').doc(EARLIER_POINTER_DOC);
  }

  /**
   * Every document, in one read-only transaction: from the compacted snapshot (when there is a
   * sound one of this history: this format's, else an earlier deploy's) plus what was written
   * since, else by reading each document.
   */
  readEverything(): Promise<FullRead> {
    return this.db.runTransaction(
      async (tx) => {
        this.stats.rpcs++;
        const [meta, pointerDoc] = await tx.getAll(this.metaRef, this.pointerRef);
        this.stats.documentsRead += 2;
        const rev = revisionOf(meta!.data());
        const epoch = epochOf(meta!.data());
        const pointer = pointerOf(pointerDoc!.data());
        const fromOwn = await this.readFrom(tx, pointer, rev, epoch);
        if (fromOwn) return fromOwn;
        // Read only now: a start that finds its own pointer makes no read for the earlier one.
        this.stats.rpcs++;
        const earlierDoc = await tx.get(this.earlierPointerRef);
        this.stats.documentsRead++;
        const earlier = pointerOf(earlierDoc.data());
        if (earlier?.id !== pointer?.id) {
          const fromEarlier = await this.readFrom(tx, earlier, rev, epoch);
          if (fromEarlier) return { ...fromEarlier, fromEarlierSnapshot: true };
        }
        const everything = await readChangedSince(this.db, tx, 0, this.stats);
        return {
          batch: { rev, epoch, ...everything },
          readOneByOne: everything.documents.length + (everything.rejected?.length ?? 0),
        };
      },
      { readOnly: true },
    );
  }

  /**
   * Stores a snapshot's parts (a few per request, each request under Firestore's 10 MiB), then
   * points this format's pointer at it unless a newer one is there (and the earlier deploys'
   * pointer, when it points at an older snapshot of this format), then removes every snapshot
   * but those the pointers name now and named before (a reader that read a pointer before it
   * moved still finds its parts).
   */
  async write(batch: ChangeBatch): Promise<SnapshotPointer> {
    const { chunks, sha256, headBytes } = await encodeSnapshot({
      documents: batch.documents,
      rejected: batch.rejected ?? [],
    });
    const id = snapshotId(batch.epoch, batch.rev);
    const pointer: SnapshotPointer = {
      id,
      epoch: batch.epoch,
      rev: batch.rev,
      chunks: chunks.length,
      documents: batch.documents.length,
      sha256,
      createdAt: new Date().toISOString(),
      headBytes,
      format: SNAPSHOT_FORMAT,
    };
    const snapshotDoc = this.db.collection(SNAPSHOTS).doc(id);
    for (let start = 0; start < chunks.length; start += CHUNKS_PER_REQUEST) {
      const writes = this.db.batch();
      chunks.slice(start, start + CHUNKS_PER_REQUEST).forEach((bytes, i) => {
        writes.set(snapshotDoc.collection(CHUNKS).doc(String(start + i)), { bytes });
      });
      this.stats.rpcs++;
      this.stats.documentsWritten += Math.min(CHUNKS_PER_REQUEST, chunks.length - start);
      await writes.commit();
    }
    this.stats.rpcs++;
    this.stats.documentsWritten++;
    await snapshotDoc.set(storedPointer(pointer));
    const named = await this.db.runTransaction(async (tx) => {
      this.stats.rpcs++;
      const read = tx.getAll(this.pointerRef, this.earlierPointerRef);
      observeLazyTransactionStart(tx);
      const [currentDoc, earlierDoc] = await read;
      const current = pointerOf(currentDoc!.data());
      const earlier = pointerOf(earlierDoc!.data());
      this.stats.documentsRead += 2;
      if (!keeps(current, pointer)) {
        tx.set(this.pointerRef, storedPointer(pointer));
        this.stats.documentsWritten++;
      }
      // Moved only for readers of this format (an earlier format's would find no snapshot).
      if (earlier?.format === SNAPSHOT_FORMAT && !keeps(earlier, pointer)) {
        tx.set(this.earlierPointerRef, storedPointer(pointer));
        this.stats.documentsWritten++;
      }
      return [current?.id, earlier?.id];
    });
    const keep = new Set([id, ...named]);
    const all = await this.db.collection(SNAPSHOTS).listDocuments();
    for (const ref of all) if (!keep.has(ref.id)) await this.db.recursiveDelete(ref);
    return pointer;
  }

  // The snapshot's documents with those written since in place of their older state, or
  // undefined when there is no pointer, when it is of another history (another epoch, or ahead
  // of the store) or names no parts, or when its parts do not hash to what it says (warned).
  private async readFrom(
    tx: Transaction,
    pointer: SnapshotPointer | undefined,
    rev: number,
    epoch: string,
  ): Promise<FullRead | undefined> {
    if (!pointer || pointer.epoch !== epoch || pointer.rev > rev || pointer.chunks === 0) {
      return undefined;
    }
    const chunkRefs = Array.from({ length: pointer.chunks }, (_, i) =>
      this.db.collection(SNAPSHOTS).doc(pointer.id).collection(CHUNKS).doc(String(i)),
    );
    this.stats.rpcs++;
    const [chunkDocs, changes] = await Promise.all([
      tx.getAll(...chunkRefs),
      readChangedSince(this.db, tx, pointer.rev, this.stats),
    ]);
    this.stats.documentsRead += chunkDocs.length;
    const chunks = chunkDocs.map((doc) => doc.get('bytes') as unknown);
    const content = chunks.every((chunk) => Buffer.isBuffer(chunk))
      ? await decodeSnapshot(chunks, pointer)
      : undefined;
    if (!content) {
      logger().warn(`compacted snapshot ${pointer.id} is incomplete or damaged: not used`);
      return undefined;
    }
    const rejectedNow = new Set((changes.rejected ?? []).map((r) => r.path));
    const rewritten = new Set(changes.documents.map((d) => `${d.collection}/${d.id}`));
    // A document rejected now is not served in its older, valid state either. (Keys are made
    // only when there is something to look up: a start from a fresh snapshot has nothing.)
    const current = withChanges(content.documents, changes.documents);
    const documents =
      rejectedNow.size === 0
        ? current
        : current.filter((doc) => !rejectedNow.has(`${doc.collection}/${doc.id}`));
    const rejected = content.rejected
      .filter((r) => !rewritten.has(r.path) && !rejectedNow.has(r.path))
      .concat(changes.rejected ?? []);
    return {
      batch: { rev, epoch, documents, ...(rejected.length > 0 ? { rejected } : {}) },
      readOneByOne: changes.documents.length + (changes.rejected?.length ?? 0),
    };
  }
}

// Whether a pointer stays rather than being moved to `next`: it names a newer snapshot, or one
// of the same revision in this format.
function keeps(pointer: SnapshotPointer | undefined, next: SnapshotPointer): boolean {
  return (
    pointer !== undefined &&
    pointer.epoch === next.epoch &&
    (pointer.rev > next.rev || (pointer.rev === next.rev && pointer.format === SNAPSHOT_FORMAT))
  );
}
