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
import { deepFreeze } from './deferredFields.js';
import { eventPosition, type ChangeEvent } from '../domain/changeEvent.js';

/** Clock used for timestamps; injectable so tests can pin time. */
export type Clock = () => Date;

/**
 * The embedded store: the same semantics as Firestore (revisions, versions, tombstones,
 * conflicts) held in process memory. It is the default store and is filled from `seed/`.
 */
export class MemoryStore implements ContentStore {
  readonly kind = 'memory';
  private rev = 0;
  private documents = new Map<string, StoredDocument>();
  // Each document's versions, oldest first, once written through commit; an adopted document
  // that was not written since is its own history (see historyOf): a start makes no list per
  // document.
  private readonly history = new Map<string, StoredDocument[]>();
  // The outbox, in commit order (positions ascend), and how far the relay has published it.
  private readonly events: ChangeEvent[] = [];
  // Adopted documents whose events are not made yet (see adopt): made on the first read of the
  // outbox that reaches back to them, and placed first.
  private unreported: readonly StoredDocument[] = [];
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
    const versions = this.historyOf(key(collection, id));
    return Promise.resolve(
      versions
        .slice(-limit)
        .reverse()
        .map((doc) => structuredClone(doc)),
    );
  }

  readEvents(after: string | null, limit: number): Promise<EventPage> {
    if (this.unreported.length > 0 && (after === null || after < this.adoptedEnd())) {
      this.events.unshift(...adoptedEvents(this.unreported, this.epoch));
      this.unreported = [];
    }
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

  /**
   * Fills an empty store with documents as a store stored them (stamped, each with its final
   * translation records; a course restored at build time, see seed/storedCourse): the state
   * committing them would leave, in one step. The store's revision becomes their highest. Their
   * change events are made only if the outbox is read back to them: a start marks them relayed
   * at once (news to nobody), so they usually never are. The documents become the store's,
   * frozen: the caller must not keep them for changing.
   */
  adopt(documents: readonly StoredDocument[]): void {
    if (this.rev !== 0 || this.documents.size > 0) {
      throw new Error('MemoryStore.adopt: the store is not empty');
    }
    // Checked whole before anything is taken: adopting applies whole or not at all. The
    // documents are keyed once (a start adopts tens of thousands).
    let rev = 0;
    const taken = new Map<string, StoredDocument>();
    for (const doc of documents) {
      const id = key(doc.collection, doc.id);
      if (taken.has(id)) throw new Error(`MemoryStore.adopt: ${id} is given twice`);
      // In commit order, as readChanges(0) gives them: the events are made from that order.
      if (doc.rev < Math.max(rev, 1)) {
        throw new Error(`MemoryStore.adopt: ${id} (rev ${doc.rev}) is out of commit order`);
      }
      taken.set(id, doc);
      rev = doc.rev;
    }
    taken.forEach((doc) => deepFreeze(doc));
    this.documents = taken;
    this.rev = rev;
    this.unreported = documents;
  }

  // A document's versions: those written through commit, or else the adopted one (a document
  // without written versions was adopted, if it exists at all).
  private historyOf(id: string): readonly StoredDocument[] {
    const written = this.history.get(id);
    if (written) return written;
    const adopted = this.documents.get(id);
    return adopted ? [adopted] : [];
  }

  // The position of the adopted documents' last event.
  private adoptedEnd(): string {
    const last = this.unreported[this.unreported.length - 1]!;
    return eventPosition(
      last.rev,
      this.unreported.filter((doc) => doc.rev === last.rev).length - 1,
    );
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
      // The history first: until then, a document without written versions is its own.
      this.history.set(id, [...this.historyOf(id), doc]);
      this.documents.set(id, doc);
    }
    this.events.push(...changeEventsOf(written, current, this.epoch));
    this.rev = rev;
    return { rev, epoch: this.epoch, documents: stored };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

// The events committing the adopted documents made, a commit per revision (in the given order).
function adoptedEvents(documents: readonly StoredDocument[], epoch: string): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (let start = 0; start < documents.length;) {
    let end = start;
    while (end < documents.length && documents[end]!.rev === documents[start]!.rev) end++;
    const commit = documents.slice(start, end);
    events.push(
      ...changeEventsOf(
        commit,
        commit.map(() => undefined),
        epoch,
      ),
    );
    start = end;
  }
  return events;
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

function key(collection: string, id: string): string {
  return `${collection}/${id}`;
}
