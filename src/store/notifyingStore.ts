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
 * A decorator that calls `onCommitted` after every successful commit through it: how the relay
 * learns at once that the outbox grew (edits, imports, translation files all commit through the
 * one store), without polling. A failing listener never fails the commit.
 */
export class NotifyingStore implements ContentStore {
  constructor(
    private readonly inner: ContentStore,
    private readonly onCommitted: (batch: ChangeBatch) => void,
  ) {}

  get kind(): string {
    return this.inner.kind;
  }

  readRevision(): Promise<number> {
    return this.inner.readRevision();
  }

  readChanges(sinceRev: number): Promise<ChangeBatch> {
    return this.inner.readChanges(sinceRev);
  }

  async commit(writes: readonly DocumentWrite[], options?: CommitOptions): Promise<ChangeBatch> {
    const batch = await this.inner.commit(writes, options);
    try {
      this.onCommitted(batch);
    } catch {
      // The change is committed and its events are in the outbox: a scheduled relay run takes them.
    }
    return batch;
  }

  readHistory(collection: CollectionName, id: string, limit: number): Promise<StoredDocument[]> {
    return this.inner.readHistory(collection, id, limit);
  }

  readEvents(after: string | null, limit: number): Promise<EventPage> {
    return this.inner.readEvents(after, limit);
  }

  readRelayPosition(): Promise<string | null> {
    return this.inner.readRelayPosition();
  }

  markRelayed(position: string): Promise<void> {
    return this.inner.markRelayed(position);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
