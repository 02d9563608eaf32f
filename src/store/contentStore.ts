import type { CollectionName } from '../domain/bundle.js';
import type { ChangeEvent } from '../domain/changeEvent.js';
import type { Issue } from '../errors.js';
import type { Category } from '../domain/category.js';
import type { Comparison } from '../domain/comparison.js';
import type { Concept } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import type { Relation } from '../domain/relation.js';
import type { Locale } from '../domain/locale.js';
import type { TranslationEvent, TranslationMap } from '../domain/translation/translationRecord.js';

/** What each collection stores. */
export interface CollectionData {
  categories: Category;
  concepts: Concept;
  relations: Relation;
  comparisons: Comparison;
  lessons: Lesson;
}

/** Storage metadata every document carries. */
export interface DocumentMeta {
  /** Content revision of the commit that last wrote this document. */
  rev: number;
  /** Per-document version, 1 on creation, +1 on every write (optimistic concurrency). */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Who wrote it: `role:fingerprint` of the token (never the token), or a tool name. */
  updatedBy?: string;
  /**
   * Documents with a publication `status` (concepts, lessons): when they were first written as
   * PUBLISHED, kept through later writes, unpublishing and deletion (their tombstone keeps it);
   * null while they never were. Absent on other collections, and on documents stored before
   * the store recorded it. What was once public may be named to the public again (a sync
   * deletion); what never was, may not.
   */
  firstPublishedAt?: string | null;
  /**
   * For each English text, the Korean it was made from (see domain/translation): kept by the
   * store on every commit, so an edit and the translation state it causes are one write. Absent
   * on tombstones and on documents stored before the store kept them.
   */
  translations?: TranslationMap;
  /** Translation choices made by this version's author (kept current, confirmed, overridden). */
  translationEvents?: TranslationEvent[];
  /**
   * Per locale, the content revision at which what a reader of that locale sees of this
   * document last changed (a Korean-only edit leaves `en` where it was). Absent on documents
   * stored before the store kept it: their `rev` stands for every locale.
   */
  localeRevs?: Record<Locale, number>;
}

/**
 * DocumentMeta's fields, in the order a store writes them (see stampWrites) and an entry holds
 * them.
 */
export const DOCUMENT_META_FIELDS = [
  'rev',
  'version',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'firstPublishedAt',
  'translations',
  'translationEvents',
  'localeRevs',
] as const satisfies readonly (keyof DocumentMeta)[];

/**
 * What a write says about translation (see domain/translation/trackTranslations): a Korean edit
 * that needs no retranslation, English a translator confirms, records an import brings, and
 * paths whose outdated or missing English an admin publishes anyway.
 */
export interface TranslationDirective {
  keepCurrent?: boolean;
  confirm?: readonly string[];
  claimed?: TranslationMap;
  override?: readonly string[];
  /**
   * Records taken as they are for a document that does not exist yet: the final records of a
   * compiled copy of the course, tracked when it was compiled (see seed/compiledSeed.ts), so a
   * cold start does not fingerprint every text again. Ignored when the document exists.
   */
  restored?: TranslationMap;
}

/** A document as the store holds it: live (with data) or a tombstone left by a delete. */
export type StoredDocument<C extends CollectionName = CollectionName> = {
  [K in C]: DocumentMeta &
    (
      | { collection: K; id: string; deleted: false; data: CollectionData[K] }
      | { collection: K; id: string; deleted: true; data: null }
    );
}[C];

/**
 * One write of a commit. `expectedVersion` makes it fail with CONFLICT if the document moved;
 * `expectedVersion: 0` means "must not exist yet" (a deleted document counts as not existing).
 */
export type DocumentWrite = {
  [K in CollectionName]:
    | {
        op: 'put';
        collection: K;
        id: string;
        data: CollectionData[K];
        expectedVersion?: number;
        translation?: TranslationDirective;
      }
    | { op: 'delete'; collection: K; id: string; expectedVersion?: number };
}[CollectionName];

/** Options of a commit. */
export interface CommitOptions {
  /** Recorded as `updatedBy` on every document the commit writes. */
  actor?: string;
  /**
   * Documents that must exist (and not be deleted) when the commit applies, checked inside the
   * same transaction: a relation's endpoints, a concept's category.
   */
  requireExisting?: readonly { collection: CollectionName; id: string }[];
}

/** A stored document that failed validation when read: reported, never served. */
export interface RejectedDocument {
  /** `collection/id` */
  path: string;
  issues: Issue[];
}

/** Documents written after a revision, and the revision they bring the reader to. */
export interface ChangeBatch {
  rev: number;
  /**
   * Identifies the store's history: a store that was emptied, restored or replaced has another
   * epoch, so revisions (and sync tokens) from before mean nothing to it.
   */
  epoch: string;
  documents: StoredDocument[];
  /** Documents that were read but failed validation (absent when there were none). */
  rejected?: RejectedDocument[];
}

/** A page of the outbox: events after a position, oldest first. */
export interface EventPage {
  /** The store's epoch (see ChangeBatch): positions from another epoch mean nothing here. */
  epoch: string;
  events: ChangeEvent[];
}

/**
 * The storage port. It knows documents, revisions and changes, nothing of GraphQL or HTTP.
 * Every commit is atomic: it moves the content revision by one, stamps `rev` and `version` on
 * what it writes, leaves tombstones for deletes, and fails as a whole with CONFLICT when an
 * `expectedVersion` does not match.
 */
export interface ContentStore {
  /** "memory" or "firestore": reported by /healthz. */
  readonly kind: string;
  /** The current content revision (0 for an empty store). */
  readRevision(): Promise<number>;
  /**
   * Documents with `rev > sinceRev`, tombstones included, and the revision they lead to.
   * `sinceRev = 0` reads everything (tombstones too: sync needs to know what was deleted).
   */
  readChanges(sinceRev: number): Promise<ChangeBatch>;
  /**
   * Applies all writes atomically; returns the new revision and the documents as written.
   * Each written state is also kept as a version in the document's history, and each write's
   * change event in the outbox (see store/changeEvents), in the same transaction.
   */
  commit(writes: readonly DocumentWrite[], options?: CommitOptions): Promise<ChangeBatch>;
  /** The last `limit` versions of a document, newest first (tombstones included). */
  readHistory(collection: CollectionName, id: string, limit: number): Promise<StoredDocument[]>;
  /** At most `limit` events of the outbox after `after` (null: from the first), in commit order. */
  readEvents(after: string | null, limit: number): Promise<EventPage>;
  /** The position up to which the relay has published the outbox (null: nothing yet). */
  readRelayPosition(): Promise<string | null>;
  /**
   * Records that every event up to `position` was published. Never moves backwards: two relays
   * racing leave the furthest position.
   */
  markRelayed(position: string): Promise<void>;
  /**
   * Stores whose full read can start from a compacted snapshot (Firestore) write one of their
   * content as it is now, so the next instance's start reads a few documents instead of all of
   * them; returns its revision and how many parts it has. The seed command calls it after an
   * import. Absent where a full read costs nothing per document (the memory store).
   */
  compact?(): Promise<{ rev: number; chunks: number }>;
  /** Releases connections. */
  close(): Promise<void>;
}
