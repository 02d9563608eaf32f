import { AppError, ConflictError, ErrorCode } from '../errors.js';
import type { CommitOptions, DocumentWrite, StoredDocument } from './contentStore.js';

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
 * and for documents with a publication status, when they were first published.
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
    return (
      write.op === 'put'
        ? { collection: write.collection, id: write.id, deleted: false, data: write.data, ...stamp }
        : { collection: write.collection, id: write.id, deleted: true, data: null, ...stamp }
    ) as StoredDocument;
  });
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
