import type { CollectionName, ContentBundle } from '../domain/bundle.js';
import type { TranslationMap } from '../domain/translation/translationRecord.js';
import type { DocumentWrite, StoredDocument } from '../store/contentStore.js';
import { bundleToWrites, type PutWrite } from './bundleToWrites.js';
import { claimsAgree, effectiveClaims } from './importClaims.js';
import { outdatedByImport } from './outdatedByImport.js';

/** A document whose English an import leaves outdated: its id and the field paths. */
export interface OutdatedDocument {
  id: string;
  paths: string[];
}

/** What an import does to one collection: ids created, updated, unchanged and deleted. */
export interface CollectionDiff {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Deleted by this import (only with `prune`). */
  deleted: string[];
  /** In the store but not in the bundle, and kept because `prune` is off. */
  kept: string[];
  /**
   * Documents written by this import whose English it leaves OUTDATED where it was not before
   * (their Korean changed while their English did not), by id.
   */
  outdated: OutdatedDocument[];
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
 * with `prune` deletes of what the bundle no longer has. A document is unchanged when its data
 * is equal and the translation records it claims agree with the stored ones (see
 * importClaims.ts); unchanged documents are not written, so importing the same bundle twice
 * writes nothing the second time. The report names the texts each write leaves outdated.
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
    outdated: [],
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

  for (const bundled of bundleToWrites(bundle)) {
    const key = `${bundled.collection}/${bundled.id}`;
    wanted.add(key);
    const existing = live.get(key);
    const stored = existing?.translations;
    const write = withClaims(bundled, stored);
    const diff = report[write.collection];
    if (
      existing &&
      sameData(existing.data, write.data) &&
      claimsAgree(write.translation?.claimed, stored)
    ) {
      diff.unchanged.push(write.id);
      continue;
    }
    (existing ? diff.updated : diff.created).push(write.id);
    const outdated = outdatedByImport(
      write.collection,
      existing && { data: existing.data, translations: stored },
      write.data,
      write.translation?.claimed,
    );
    if (outdated.length > 0) diff.outdated.push({ id: write.id, paths: outdated });
    // An import is an admin's: public content it leaves with outdated English is published
    // so on purpose, and its history says so, as for an edit with allowUntranslated.
    const override = outdated.length > 0 && isPublic(write.data) ? { override: outdated } : {};
    writes.push({
      ...write,
      expectedVersion: existing?.version ?? 0,
      ...(Object.keys(override).length > 0
        ? { translation: { ...write.translation, ...override } }
        : {}),
    });
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
    diff.outdated.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return { report, writes };
}

// Readers see a document published, or one without a publication state (categories, relations,
// comparisons are public as soon as they exist).
function isPublic(data: unknown): boolean {
  const status = (data as { status?: string }).status;
  return status === undefined || status === 'PUBLISHED';
}

// The write with the claims that matter against the stored records (see effectiveClaims).
function withClaims(write: PutWrite, stored: TranslationMap | undefined): PutWrite {
  if (!write.translation?.claimed) return write;
  const { translation, ...rest } = write;
  const claimed = effectiveClaims(write.collection, write.data, translation.claimed, stored);
  return claimed ? { ...rest, translation: { ...translation, claimed } } : rest;
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
