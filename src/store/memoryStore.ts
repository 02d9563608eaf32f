import { randomUUID } from 'node:crypto';
import type { CollectionName } from '../domain/bundle.js';
import { assertDistinctWrites } from './assertDistinctWrites.js';
import type {
  ChangeBatch,
  CommitOptions,
  ContentStore,
  DocumentWrite,
  EventPage,
  StoredDocument,
} from './contentStore.js';
import { checkPreconditions, stampWrites } from './stampWrites.js';
import { changeEventsOf } from './changeEvents.js';
import type { ChangeEvent } from '../domain/changeEvent.js';

/** Clock used for timestamps; injectable so tests can pin time. */
export type Clock = () => Date;

/**
 * The embedded store: the same semantics as Firestore (revisions, versions, tombstones,
 * conflicts) held in process memory. It is the default store and is filled from `seed/`.
 */
export class MemoryStore implements ContentStore {
  readonly kind = 'memory';
  private rev = 0;
  private readonly documents = new Map<string, StoredDocument>();
  private readonly history = new Map<string, StoredDocument[]>();
  // The outbox, in commit order (positions ascend), and how far the relay has published it.
  private readonly events: ChangeEvent[] = [];
  private relayed: string | null = null;
  // A memory store's history ends with its process: each one is a new epoch.
  private readonly epoch = randomUUID();

  constructor(private readonly clock: Clock = () => new Date()) {}

  readRevision(): Promise<number> {
    return Promise.resolve(this.rev);
  }

  readChanges(sinceRev: number): Promise<ChangeBatch> {
    // Stored documents are frozen (see apply): handed out as they are, not copied.
    const documents = [...this.documents.values()].filter((doc) => doc.rev > sinceRev);
    return Promise.resolve({ rev: this.rev, epoch: this.epoch, documents });
  }

  commit(writes: readonly DocumentWrite[], options: CommitOptions = {}): Promise<ChangeBatch> {
    // A failed commit must reject like a remote store would, never throw synchronously.
    try {
      return Promise.resolve(this.apply(writes, options));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  readHistory(collection: CollectionName, id: string, limit: number): Promise<StoredDocument[]> {
    const versions = this.history.get(key(collection, id)) ?? [];
    return Promise.resolve(
      versions
        .slice(-limit)
        .reverse()
        .map((doc) => structuredClone(doc)),
    );
  }

  readEvents(after: string | null, limit: number): Promise<EventPage> {
    const start = after === null ? 0 : firstAfter(this.events, after);
    const events = this.events.slice(start, start + limit).map((event) => structuredClone(event));
    return Promise.resolve({ epoch: this.epoch, events });
  }

  readRelayPosition(): Promise<string | null> {
    return Promise.resolve(this.relayed);
  }

  markRelayed(position: string): Promise<void> {
    if (this.relayed === null || position > this.relayed) this.relayed = position;
    return Promise.resolve();
  }

  private apply(writes: readonly DocumentWrite[], options: CommitOptions): ChangeBatch {
    assertDistinctWrites(writes);
    const current = writes.map((write) => this.documents.get(key(write.collection, write.id)));
    const required = (options.requireExisting ?? []).map((ref) =>
      this.documents.get(key(ref.collection, ref.id)),
    );
    // Every precondition is checked before anything is touched: a commit applies whole or not at all.
    checkPreconditions(writes, current, required, options);
    const rev = this.rev + 1;
    const written = stampWrites(writes, current, rev, this.clock().toISOString(), options.actor);
    // A copy the caller cannot reach, frozen: readers may then share it without copying (a
    // reader that tried to change it would fail loudly instead of changing the store).
    const stored = written.map((doc) => deepFreeze(structuredClone(doc)));
    for (const doc of stored) {
      const id = key(doc.collection, doc.id);
      this.documents.set(id, doc);
      this.history.set(id, [...(this.history.get(id) ?? []), doc]);
    }
    this.events.push(...changeEventsOf(written, current, this.epoch));
    this.rev = rev;
    return { rev, epoch: this.epoch, documents: stored };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

// Binary search: the outbox is sorted by position and grows to every change ever made.
function firstAfter(events: readonly ChangeEvent[], position: string): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Freezes a value and everything it holds (stored documents are plain JSON-like trees).
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function key(collection: string, id: string): string {
  return `${collection}/${id}`;
}
