import type { CollectionName } from '../domain/bundle.js';
import type {
  ChangeBatch,
  CommitOptions,
  ContentStore,
  DocumentWrite,
  EventPage,
  StoredDocument,
} from './contentStore.js';

/**
 * A decorator that counts what a store is asked: calls per port method, documents returned by
 * reads and written by commits. Used by tests and benchmarks to prove read-path costs (zero
 * store reads at steady state, deltas after a change) and to simulate an outage (`failure`).
 */
export class CountingStore implements ContentStore {
  readonly calls = {
    readRevision: 0,
    readChanges: 0,
    commit: 0,
    readHistory: 0,
    readEvents: 0,
  };
  documentsRead = 0;
  documentsWritten = 0;
  /** When set, every call fails with this error (the store is "down"). */
  failure: Error | undefined;

  constructor(private readonly inner: ContentStore) {}

  get kind(): string {
    return this.inner.kind;
  }

  async readRevision(): Promise<number> {
    this.calls.readRevision++;
    this.throwIfDown();
    return this.inner.readRevision();
  }

  async readChanges(sinceRev: number): Promise<ChangeBatch> {
    this.calls.readChanges++;
    this.throwIfDown();
    const batch = await this.inner.readChanges(sinceRev);
    this.documentsRead += batch.documents.length;
    return batch;
  }

  async commit(writes: readonly DocumentWrite[], options?: CommitOptions): Promise<ChangeBatch> {
    this.calls.commit++;
    this.throwIfDown();
    const batch = await this.inner.commit(writes, options);
    this.documentsWritten += batch.documents.length;
    return batch;
  }

  async readHistory(
    collection: CollectionName,
    id: string,
    limit: number,
  ): Promise<StoredDocument[]> {
    this.calls.readHistory++;
    this.throwIfDown();
    const versions = await this.inner.readHistory(collection, id, limit);
    this.documentsRead += versions.length;
    return versions;
  }

  async readEvents(after: string | null, limit: number): Promise<EventPage> {
    this.calls.readEvents++;
    this.throwIfDown();
    return this.inner.readEvents(after, limit);
  }

  async readRelayPosition(): Promise<string | null> {
    this.throwIfDown();
    return this.inner.readRelayPosition();
  }

  async markRelayed(position: string): Promise<void> {
    this.throwIfDown();
    return this.inner.markRelayed(position);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Store calls so far on the read path and by commits; not the outbox's reads, which the relay
   * makes in the background after commits (they are counted in `calls.readEvents`).
   */
  total(): number {
    return (
      this.calls.readRevision + this.calls.readChanges + this.calls.commit + this.calls.readHistory
    );
  }

  private throwIfDown(): void {
    if (this.failure) throw this.failure;
  }
}
