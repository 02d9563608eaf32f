// The store contract on Firestore when full reads start from a compacted snapshot: the store is
// compacted after every odd revision, so each full read is a snapshot plus the documents written
// since it (or, right after a compaction, the snapshot alone).
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import type { ContentStore, DocumentWrite, CommitOptions } from '../../src/store/contentStore.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { defineContentStoreContract } from './contentStoreContract.js';

// The Firestore store, compacted after each commit that reaches an odd revision.
class CompactingStore extends FirestoreStore {
  override async commit(writes: readonly DocumentWrite[], options?: CommitOptions) {
    const batch = await super.commit(writes, options);
    if (batch.rev % 2 === 1) await this.compact();
    return batch;
  }
}

describeWithEmulator('FirestoreStore contract, reading from compacted snapshots', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 90_000);
  afterAll(() => emulator?.stop());

  defineContentStoreContract((): Promise<ContentStore> =>
    Promise.resolve(
      new CompactingStore({
        projectId: uniqueProjectId(),
        emulatorHost: emulator.host,
        timeoutMs: 10_000,
        // Only the explicit compactions above: the contract's reads stay deterministic.
        compactAfterDocuments: Number.MAX_SAFE_INTEGER,
      }),
    ),
  );
});
