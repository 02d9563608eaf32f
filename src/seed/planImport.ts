import type { CollectionName, ContentBundle } from '../domain/bundle.js';
import type { DocumentWrite, StoredDocument } from '../store/contentStore.js';
import { bundleToWrites } from './bundleToWrites.js';

/** What an import does to one collection: ids created, updated, unchanged and deleted. */
export interface CollectionDiff {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Deleted by this import (only with `prune`). */
  deleted: string[];
  /** In the store but not in the bundle, and kept because `prune` is off. */
  kept: string[];
}

/** The diff of an import, per collection. */
export type ImportReport = Record<CollectionName, CollectionDiff>;

/** What an import will write, and why. */
export interface ImportPlan {
  report: ImportReport;
  /** Only the writes that change something; each names the version it expects (no lost updates). */
  writes: DocumentWrite[];
}

/**
 * Compares a bundle with the live documents of a store and plans the writes that make the store
 * equal to the bundle: creates (expecting no document), updates (expecting the version read), and
 * with `prune` deletes of what the bundle no longer has. Unchanged documents are not written,
 * so importing the same bundle twice writes nothing the second time.
 */
export function planImport(
  bundle: ContentBundle,
  current: readonly StoredDocument[],
  options: { prune: boolean },
): ImportPlan {
  const live = new Map(
    current.filter((doc) => !doc.deleted).map((doc) => [`${doc.collection}/${doc.id}`, doc]),
  );
  const emptyDiff = (): CollectionDiff => ({
    created: [],
    updated: [],
    unchanged: [],
    deleted: [],
    kept: [],
  });
  const report: ImportReport = {
    categories: emptyDiff(),
    concepts: emptyDiff(),
    relations: emptyDiff(),
    comparisons: emptyDiff(),
    lessons: emptyDiff(),
  };
  const writes: DocumentWrite[] = [];
  const wanted = new Set<string>();

  for (const write of bundleToWrites(bundle)) {
    const key = `${write.collection}/${write.id}`;
    wanted.add(key);
    const existing = live.get(key);
    const diff = report[write.collection];
    if (!existing) {
      diff.created.push(write.id);
      writes.push({ ...write, expectedVersion: 0 });
    } else if (write.op === 'put' && sameData(existing.data, write.data)) {
      diff.unchanged.push(write.id);
    } else {
      diff.updated.push(write.id);
      writes.push({ ...write, expectedVersion: existing.version });
    }
  }

  for (const [key, doc] of live) {
    if (wanted.has(key)) continue;
    if (options.prune) {
      report[doc.collection].deleted.push(doc.id);
      writes.push({
        op: 'delete',
        collection: doc.collection,
        id: doc.id,
        expectedVersion: doc.version,
      });
    } else {
      report[doc.collection].kept.push(doc.id);
    }
  }
  for (const diff of Object.values(report)) {
    for (const list of [diff.created, diff.updated, diff.unchanged, diff.deleted, diff.kept])
      list.sort();
  }
  return { report, writes };
}

/** Number of documents an import writes. */
export function writeCount(report: ImportReport): number {
  return Object.values(report).reduce(
    (n, d) => n + d.created.length + d.updated.length + d.deleted.length,
    0,
  );
}

/**
 * Equal as content: the same JSON after sorting keys. (Not isDeepStrictEqual: that compares
 * prototypes too, and stores may hand back objects from another realm, e.g. structuredClone.)
 */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
