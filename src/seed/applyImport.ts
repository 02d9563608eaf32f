import { ValidationError } from '../errors.js';
import type { ContentStore, DocumentWrite } from '../store/contentStore.js';

/** Limits of one commit: Firestore caps a commit at 500 writes and a request at 10 MiB. */
export interface BatchLimits {
  maxWrites: number;
  maxBytes: number;
}

/** Defaults well inside Firestore's limits (room for metadata and encoding overhead). */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxWrites: 400, maxBytes: 8 * 1024 * 1024 };

/** Splits writes into batches that each stay within the limits, keeping their order. */
export function batchWrites(
  writes: readonly DocumentWrite[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): DocumentWrite[][] {
  const batches: DocumentWrite[][] = [];
  let batch: DocumentWrite[] = [];
  let bytes = 0;
  for (const write of writes) {
    const size = Buffer.byteLength(JSON.stringify(write));
    if (size > limits.maxBytes) {
      throw new ValidationError(`${write.collection}/${write.id} is too large to store`, [
        {
          path: [write.collection, write.id],
          message: `is ${size} bytes, over the ${limits.maxBytes}-byte commit limit`,
        },
      ]);
    }
    if (batch.length > 0 && (batch.length >= limits.maxWrites || bytes + size > limits.maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(write);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
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
  options: { limits?: BatchLimits; onProgress?: ImportProgress; actor?: string } = {},
): Promise<{ commits: number; rev: number | null }> {
  const batches = batchWrites(writes, options.limits);
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
