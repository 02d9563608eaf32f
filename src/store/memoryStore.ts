import { ConflictError } from '../errors.js';
import { assertDistinctWrites } from './assertDistinctWrites.js';
import type { ChangeBatch, ContentStore, DocumentWrite, StoredDocument } from './contentStore.js';

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

  constructor(private readonly clock: Clock = () => new Date()) {}

  readRevision(): Promise<number> {
    return Promise.resolve(this.rev);
  }

  readChanges(sinceRev: number): Promise<ChangeBatch> {
    const documents = [...this.documents.values()]
      .filter((doc) => doc.rev > sinceRev && !(sinceRev === 0 && doc.deleted))
      .map((doc) => structuredClone(doc));
    return Promise.resolve({ rev: this.rev, documents });
  }

  commit(writes: readonly DocumentWrite[]): Promise<ChangeBatch> {
    // A failed commit must reject like a remote store would, never throw synchronously.
    try {
      return Promise.resolve(this.apply(writes));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private apply(writes: readonly DocumentWrite[]): ChangeBatch {
    assertDistinctWrites(writes);
    // Check every precondition before touching anything: a commit applies whole or not at all.
    for (const write of writes) {
      if (write.expectedVersion === undefined) continue;
      const current = this.documents.get(key(write.collection, write.id));
      const currentVersion = current && !current.deleted ? current.version : null;
      if ((currentVersion ?? 0) !== write.expectedVersion) {
        throw new ConflictError(
          `${write.collection}/${write.id}`,
          write.expectedVersion,
          currentVersion,
        );
      }
    }
    const rev = this.rev + 1;
    const now = this.clock().toISOString();
    const written: StoredDocument[] = [];
    for (const write of writes) {
      const id = key(write.collection, write.id);
      const current = this.documents.get(id);
      const version = (current?.version ?? 0) + 1;
      const createdAt = current && !current.deleted ? current.createdAt : now;
      const doc = (
        write.op === 'put'
          ? {
              collection: write.collection,
              id: write.id,
              deleted: false,
              data: structuredClone(write.data),
            }
          : { collection: write.collection, id: write.id, deleted: true, data: null }
      ) as StoredDocument;
      Object.assign(doc, { rev, version, createdAt, updatedAt: now });
      this.documents.set(id, doc);
      written.push(structuredClone(doc));
    }
    this.rev = rev;
    return { rev, documents: written };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function key(collection: string, id: string): string {
  return `${collection}/${id}`;
}
