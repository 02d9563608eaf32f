import { AppError, ConflictError, ErrorCode } from '../errors.js';
import type { CommitOptions, DocumentMeta, DocumentWrite, StoredDocument } from './contentStore.js';
import { LOCALES } from '../domain/locale.js';
import { localeFingerprints } from '../domain/translation/localeView.js';
import { trackTranslations } from '../domain/translation/trackTranslations.js';
import type { TranslationEvent } from '../domain/translation/translationRecord.js';

/**
 * Checks a commit's preconditions against the current state of what it touches: every
 * `expectedVersion` (0 = must not exist) and every document that must exist. Throws CONFLICT,
 * naming the document, before anything is written. Shared by every store so they agree exactly.
 */
export function checkPreconditions(
  writes: readonly DocumentWrite[],
  current: readonly (StoredDocument | undefined)[],
  required: readonly (StoredDocument | undefined)[],
  options: CommitOptions,
): void {
  writes.forEach((write, i) => {
    if (write.expectedVersion === undefined) return;
    const doc = current[i];
    const currentVersion = doc && !doc.deleted ? doc.version : null;
    if ((currentVersion ?? 0) !== write.expectedVersion) {
      throw new ConflictError(
        `${write.collection}/${write.id}`,
        write.expectedVersion,
        currentVersion,
      );
    }
  });
  (options.requireExisting ?? []).forEach((ref, i) => {
    const doc = required[i];
    if (!doc || doc.deleted) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${ref.collection}/${ref.id} does not exist (any more)`,
      );
    }
  });
}

/**
 * The documents a commit writes: new revision, next version, timestamps and author stamped,
 * for documents with a publication status when they were first published, the translation
 * records the write leaves (so a Korean edit outdates its English in the same commit) and the
 * revision at which each locale's view of the document last changed.
 */
export function stampWrites(
  writes: readonly DocumentWrite[],
  current: readonly (StoredDocument | undefined)[],
  rev: number,
  now: string,
  actor: string | undefined,
): StoredDocument[] {
  return writes.map((write, i) => {
    const doc = current[i];
    const firstPublishedAt = firstPublication(write, doc, now);
    const stamp = {
      rev,
      version: (doc?.version ?? 0) + 1,
      createdAt: doc && !doc.deleted ? doc.createdAt : now,
      updatedAt: now,
      ...(actor ? { updatedBy: actor } : {}),
      ...(firstPublishedAt !== undefined ? { firstPublishedAt } : {}),
    };
    if (write.op === 'delete') {
      const localeRevs = Object.fromEntries(LOCALES.map((locale) => [locale, rev]));
      return {
        collection: write.collection,
        id: write.id,
        deleted: true,
        data: null,
        ...stamp,
        localeRevs,
      } as StoredDocument;
    }
    return {
      collection: write.collection,
      id: write.id,
      deleted: false,
      data: write.data,
      ...stamp,
      ...translationMeta(write, doc, rev, now, actor),
    } as StoredDocument;
  });
}

// The translation records a put leaves, the choices it records, and each locale's revision.
function translationMeta(
  write: Extract<DocumentWrite, { op: 'put' }>,
  doc: StoredDocument | undefined,
  rev: number,
  now: string,
  actor: string | undefined,
): Pick<DocumentMeta, 'translations' | 'translationEvents' | 'localeRevs'> {
  const previous = doc && !doc.deleted ? doc : undefined;
  const directive = write.translation ?? {};
  const tracked =
    directive.restored && !previous
      ? { translations: directive.restored, kept: [], confirmed: [] }
      : trackTranslations({
          collection: write.collection,
          previous: previous && { data: previous.data, translations: previous.translations },
          next: write.data,
          actor,
          now,
          keepCurrent: directive.keepCurrent,
          confirm: directive.confirm,
          claimed: directive.claimed,
        });
  const events: TranslationEvent[] = [];
  if (tracked.kept.length > 0) events.push({ kind: 'KEPT_CURRENT', paths: tracked.kept });
  if (tracked.confirmed.length > 0) events.push({ kind: 'CONFIRMED', paths: tracked.confirmed });
  if (directive.override && directive.override.length > 0) {
    events.push({ kind: 'PUBLISHED_OUTDATED', paths: [...directive.override] });
  }
  // A new document is new to every locale: no need to fingerprint what its readers see (this
  // also keeps seeding the memory store at start-up cheap).
  const before =
    previous && localeFingerprints(write.collection, previous.data, previous.translations);
  const after = before && localeFingerprints(write.collection, write.data, tracked.translations);
  const localeRevs = Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      before && after && before[locale] === after[locale]
        ? (previous.localeRevs?.[locale] ?? previous.rev)
        : rev,
    ]),
  ) as Record<(typeof LOCALES)[number], number>;
  return {
    translations: tracked.translations,
    ...(events.length > 0 ? { translationEvents: events } : {}),
    localeRevs,
  };
}

// When a document was first published, as of this write: kept once known (a document stored
// before this was recorded counts from its own publication, if it is published); set now when
// this write publishes it; null while it never was. Undefined for data without a status.
function firstPublication(
  write: DocumentWrite,
  doc: StoredDocument | undefined,
  now: string,
): string | null | undefined {
  const known =
    doc?.firstPublishedAt ??
    (doc && !doc.deleted && hasStatus(doc.data) && doc.data.status === 'PUBLISHED'
      ? doc.updatedAt
      : undefined);
  if (known) return known;
  if (write.op === 'delete') return doc?.firstPublishedAt;
  if (!hasStatus(write.data)) return undefined;
  return write.data.status === 'PUBLISHED' ? now : null;
}

function hasStatus(data: unknown): data is { status: string } {
  return typeof (data as { status?: unknown } | null)?.status === 'string';
}
