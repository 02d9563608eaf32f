import { formatPath } from '../errors.js';
import type { ChangeBatch, ContentStore } from '../store/contentStore.js';
import { applyChanges } from './applyChanges.js';
import { nextPublicLocaleRevisions } from './localeRevisions.js';
import { wasEverPublic } from './publicHistory.js';
import { applyTombstones } from './tombstones.js';
import { emptyDocumentSet } from './entries.js';
import { ContentSnapshot } from './snapshot.js';
import type { DocumentKey } from './visibilityDependents.js';
import { logger } from '../observability/logger.js';

/** How fresh the read model is, for /healthz. */
export interface ReadModelStatus {
  /** Revision being served, or null before the first load. */
  rev: number | null;
  loadedAt: string | null;
  /** When the store was last asked for its revision successfully. */
  checkedAt: string | null;
  /** False when the last attempt to reach the store failed. */
  storeReachable: boolean;
  /** True when the snapshot could not be checked against the store within the TTL. */
  stale: boolean;
  lastError: string | null;
  /** Stored documents that failed validation and are not served: `path: rule` lines. */
  rejected: string[];
}

/** Options of the read model. */
export interface ReadModelOptions {
  /** At most one revision check per this many milliseconds. */
  ttlMs: number;
  now?: () => number;
}

/**
 * Holds the instance's snapshot and keeps it following the store: it checks the store's
 * revision at most once per TTL and, when it moved, reads only documents written since
 * (a delta, not a full reload). Requests are served from memory; the check runs in the
 * background (stale-while-revalidate), so another instance's write is served here within
 * the TTL plus one request. When the store is unreachable the last snapshot keeps serving.
 */
export class ReadModel {
  private snapshot: ContentSnapshot | undefined;
  private loading: Promise<ContentSnapshot> | undefined;
  private refreshing: Promise<ContentSnapshot> | undefined;
  private checkedAt: number | undefined;
  // Gates checks by the last attempt, so an unreachable store is retried once per TTL, not per request.
  private attemptedAt: number | undefined;
  private lastError: string | null = null;
  // Invalid stored documents by path; kept until a valid version of the same document arrives.
  private readonly rejected = new Map<string, string>();
  private readonly now: () => number;

  constructor(
    private readonly store: ContentStore,
    private readonly options: ReadModelOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The snapshot to serve. The first call loads everything; later calls never wait on the store. */
  current(): Promise<ContentSnapshot> {
    if (!this.snapshot) return this.initialLoad();
    if (this.attemptedAt === undefined || this.now() - this.attemptedAt >= this.options.ttlMs) {
      // Errors are recorded in status(); the request is served from the snapshot regardless.
      this.refresh().catch(() => undefined);
    }
    return Promise.resolve(this.snapshot);
  }

  /**
   * The snapshot served now, without checking the store (undefined before the first load).
   * For callers that must not cause store work by merely looking (the response cache).
   */
  peek(): ContentSnapshot | undefined {
    return this.snapshot;
  }

  /** Checks the store now and applies what changed (single-flight: concurrent calls share it). */
  refresh(): Promise<ContentSnapshot> {
    if (!this.snapshot) return this.initialLoad();
    this.refreshing ??= this.pullChanges().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * Makes a commit made through this instance visible at once (read-your-writes). A commit that
   * directly follows the snapshot is applied without asking the store; otherwise the instance
   * catches up through a delta read that includes it.
   */
  async applyCommitted(batch: ChangeBatch): Promise<ContentSnapshot> {
    let snapshot = await this.current();
    // A refresh already under way may have started before this commit: wait for it, then look again.
    for (let attempt = 0; attempt < 3 && snapshot.rev < batch.rev; attempt++) {
      if (!this.refreshing && batch.rev === snapshot.rev + 1) {
        snapshot = this.advance(snapshot, batch);
        this.snapshot = snapshot;
        return snapshot;
      }
      snapshot = await this.refresh();
    }
    return snapshot;
  }

  /** Freshness of what is served. */
  status(): ReadModelStatus {
    const checkedAt = this.checkedAt;
    return {
      rev: this.snapshot?.rev ?? null,
      loadedAt: this.snapshot?.loadedAt.toISOString() ?? null,
      checkedAt: checkedAt === undefined ? null : new Date(checkedAt).toISOString(),
      storeReachable: this.lastError === null,
      stale:
        this.snapshot === undefined ||
        checkedAt === undefined ||
        this.now() - checkedAt > 2 * this.options.ttlMs + 1000,
      lastError: this.lastError,
      rejected: [...this.rejected.values()],
    };
  }

  private initialLoad(): Promise<ContentSnapshot> {
    this.loading ??= this.track(() => this.reload()).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private pullChanges(): Promise<ContentSnapshot> {
    return this.track(async () => {
      const current = this.snapshot!;
      const rev = await this.store.readRevision();
      if (rev === current.rev) return current;
      // A revision behind ours means the store was reset or restored: start over from it.
      if (rev < current.rev) return this.reload();
      const changes = await this.store.readChanges(current.rev);
      this.noteRejected(changes);
      const latest = this.snapshot!;
      // A concurrent refresh may have got further; never go backwards.
      if (changes.rev <= latest.rev) return latest;
      const snapshot = this.advance(latest, changes);
      this.snapshot = snapshot;
      return snapshot;
    });
  }

  // The next snapshot: documents with the changes applied, the search index made from the
  // previous one's (sharing what did not change, leaving the previous one as it was).
  private advance(previous: ContentSnapshot, changes: ChangeBatch): ContentSnapshot {
    const documents = applyChanges(previous.documents, changes.documents);
    const search = previous.search.next(
      documents.concepts,
      changes.documents.filter((doc) => doc.collection === 'concepts').map((doc) => doc.id),
    );
    // A concept or lesson that became visible or hidden (published, unpublished, created,
    // deleted), by `collection/id`.
    const published = (doc: { status?: string } | undefined) => doc?.status === 'PUBLISHED';
    let flips = previous.visibilityFlips;
    for (const doc of changes.documents) {
      if (doc.collection !== 'concepts' && doc.collection !== 'lessons') continue;
      const before: ReadonlyMap<string, { status?: string }> = previous.documents[doc.collection];
      const after: ReadonlyMap<string, { status?: string }> = documents[doc.collection];
      if (published(before.get(doc.id)) !== published(after.get(doc.id))) {
        if (flips === previous.visibilityFlips) flips = new Map(flips);
        (flips as Map<string, number>).set(`${doc.collection}/${doc.id}`, changes.rev);
      }
    }
    const tombstones = applyTombstones(previous.tombstones, changes.documents);
    // Public content moved only if something that was ever public was written.
    const publicChange = changes.documents.some((doc) =>
      wasEverPublic(documents, tombstones, doc.collection, doc.id),
    );
    return new ContentSnapshot(changes.rev, documents, new Date(this.now()), {
      search,
      tombstones,
      epoch: changes.epoch,
      loadRev: previous.loadRev,
      visibilityFlips: flips,
      publicRev: publicChange ? changes.rev : previous.publicRev,
      publicLocaleRevs: nextPublicLocaleRevisions(
        previous.publicLocaleRevs,
        documents,
        tombstones,
        changes.documents,
      ),
      from: {
        previous,
        changed: changes.documents.map((doc): DocumentKey => `${doc.collection}/${doc.id}`),
      },
    });
  }

  // Reads everything (first load, or after the store went back in time).
  private async reload(): Promise<ContentSnapshot> {
    const changes = await this.store.readChanges(0);
    this.rejected.clear();
    this.noteRejected(changes);
    const snapshot = new ContentSnapshot(
      changes.rev,
      applyChanges(emptyDocumentSet(), changes.documents),
      new Date(this.now()),
      { tombstones: applyTombstones(new Map(), changes.documents), epoch: changes.epoch },
    );
    this.snapshot = snapshot;
    return snapshot;
  }

  // Invalid documents are reported (health, log), never served; a later valid write clears them.
  private noteRejected(changes: ChangeBatch): void {
    // (Only when there is something to clear: no key made per document of a full load.)
    if (this.rejected.size > 0) {
      for (const doc of changes.documents) this.rejected.delete(`${doc.collection}/${doc.id}`);
    }
    for (const { path, issues } of changes.rejected ?? []) {
      const line = `${path}: ${issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ')}`;
      if (this.rejected.get(path) !== line) {
        logger().error(`invalid stored document not served: ${line}`);
      }
      this.rejected.set(path, line);
    }
  }

  private async track(work: () => Promise<ContentSnapshot>): Promise<ContentSnapshot> {
    this.attemptedAt = this.now();
    try {
      const snapshot = await work();
      this.checkedAt = this.now();
      this.lastError = null;
      return snapshot;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }
}
