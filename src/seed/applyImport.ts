import { AppError, ErrorCode, type Issue } from '../errors.js';
import type { ContentStore, DocumentWrite, StoredDocument } from '../store/contentStore.js';
import {
  COMMIT_BASE_COST,
  formatBytes,
  oversizeDocuments,
  type DocumentCost,
} from '../store/firestore/commitCost.js';
import { FIRESTORE_LIMITS } from '../store/firestore/firestoreLimits.js';
import { writeCost } from './writeCost.js';

/**
 * Limits of one commit, counted as Firestore counts them (see store/firestore/firestoreLimits):
 * a document written is three Firestore writes (itself, its version copy, its change event) and
 * every commit one more; bytes are those of the request as sent.
 */
export interface BatchLimits {
  /** Firestore writes in one commit. */
  maxWrites: number;
  /** Bytes of one commit request as encoded. */
  maxBytes: number;
  /** Storage bytes of one document: a larger one is refused before anything is written. */
  maxDocumentBytes: number;
}

/**
 * Firestore's limits with a margin: the measure is exact for what the store sends today
 * (tests/unit/firestoreEncodedSize.test.ts), the margin is for what it cannot see (a longer
 * transaction id, a client that encodes differently). 450 writes is 149 documents a commit; a
 * document of Firestore's largest size (1 MiB, twice with its version copy) fits 3.5 MiB.
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxWrites: 450,
  maxBytes: Math.floor(FIRESTORE_LIMITS.requestBytes * 0.875),
  maxDocumentBytes: FIRESTORE_LIMITS.documentBytes - 16 * 1024,
};

/** What the batching needs to measure writes as the store will stamp them. */
export interface BatchContext {
  /** The documents as the store holds them now (their versions and translation records count). */
  current?: readonly StoredDocument[];
  /** Recorded as `updatedBy` on what the commits write. */
  actor?: string;
}

/**
 * Splits writes into batches, keeping their order, so that each commit stays within the limits
 * as measured on what it sends (see writeCost). Refuses (PAYLOAD_TOO_LARGE, naming every one)
 * documents that cannot be stored at all, before any batch exists.
 */
export function batchWrites(
  writes: readonly DocumentWrite[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  context: BatchContext = {},
): DocumentWrite[][] {
  const costs = measureWrites(writes, context);
  assertStorable(costs, limits);
  const batches: DocumentWrite[][] = [];
  let batch: DocumentWrite[] = [];
  let used = COMMIT_BASE_COST;
  writes.forEach((write, i) => {
    const cost = costs[i]!;
    const full =
      used.writes + cost.writes > limits.maxWrites || used.bytes + cost.bytes > limits.maxBytes;
    if (batch.length > 0 && full) {
      batches.push(batch);
      batch = [];
      used = COMMIT_BASE_COST;
    }
    batch.push(write);
    used = { writes: used.writes + cost.writes, bytes: used.bytes + cost.bytes };
  });
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function measureWrites(writes: readonly DocumentWrite[], context: BatchContext): DocumentCost[] {
  const current = new Map(context.current?.map((doc) => [`${doc.collection}/${doc.id}`, doc]));
  const now = new Date().toISOString();
  return writes.map((write) =>
    writeCost(write, current.get(`${write.collection}/${write.id}`), context.actor, now),
  );
}

// Every document over the document limit, or too large for a commit of its own.
function assertStorable(costs: readonly DocumentCost[], limits: BatchLimits): void {
  const issues: Issue[] = oversizeDocuments(costs, limits.maxDocumentBytes);
  for (const cost of costs) {
    if (cost.storageBytes > limits.maxDocumentBytes) continue; // named already
    const alone = COMMIT_BASE_COST.bytes + cost.bytes;
    if (alone > limits.maxBytes || COMMIT_BASE_COST.writes + cost.writes > limits.maxWrites) {
      issues.push({
        path: cost.path.split('/'),
        message: `needs a commit of ${formatBytes(alone)}, over the ${formatBytes(limits.maxBytes)} one commit may send`,
      });
    }
  }
  if (issues.length === 0) return;
  const named = issues.map((issue) => issue.path.join('/'));
  throw new AppError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `${named.join(', ')} ${named.length === 1 ? 'is' : 'are'} too large to store`,
    issues,
  );
}

/** Progress of an import: documents written so far out of the total. */
export type ImportProgress = (written: number, total: number) => void;

/**
 * Commits the planned writes in bounded batches, one transaction each. Every write carries the
 * version it expects, so a concurrent edit makes the batch fail with CONFLICT instead of being
 * overwritten. Each batch is atomic; if a later batch fails, re-running the import completes it
 * (the plan then only holds what is still different).
 */
export async function applyImport(
  store: ContentStore,
  writes: readonly DocumentWrite[],
  options: {
    limits?: BatchLimits;
    onProgress?: ImportProgress;
    actor?: string;
    /** The store's documents the writes were planned against (see BatchContext). */
    current?: readonly StoredDocument[];
  } = {},
): Promise<{ commits: number; rev: number | null }> {
  const batches = batchWrites(writes, options.limits, {
    ...(options.current ? { current: options.current } : {}),
    ...(options.actor ? { actor: options.actor } : {}),
  });
  let written = 0;
  let rev: number | null = null;
  options.onProgress?.(0, writes.length);
  for (const batch of batches) {
    rev = (await store.commit(batch, options.actor ? { actor: options.actor } : {})).rev;
    written += batch.length;
    options.onProgress?.(written, writes.length);
  }
  return { commits: batches.length, rev };
}
