/**
 * What Firestore accepts, in one place: the store refuses a commit over these before sending it
 * (`commitCost.ts`), and the seed sizes its batches from them with a margin
 * (`seed/applyImport.ts` `DEFAULT_BATCH_LIMITS`).
 */
export const FIRESTORE_LIMITS = {
  /**
   * Writes in one commit (https://firebase.google.com/docs/firestore/quotas). A stored document
   * is three of them (itself, its version copy, its change event) and every commit one more
   * (the revision document).
   */
  commitWrites: 500,
  /**
   * Bytes of one request as sent (its Protocol Buffers encoding). Firestore accepts 10 MiB, but
   * the emulator's gRPC server refuses any message over 4 MiB (measured: `RESOURCE_EXHAUSTED:
   * gRPC message exceeds maximum size 4194304`), so we hold to the smaller: against real
   * Firestore a big import takes a few more commits, and what works on the emulator works there.
   */
  requestBytes: 4 * 1024 * 1024,
  /** Storage size of one document (see `documentStorageSize`): 1 MiB. */
  documentBytes: 1024 * 1024,
} as const;
