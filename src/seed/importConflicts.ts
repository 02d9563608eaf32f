import type { CollectionName } from '../domain/bundle.js';
import { AppError, ErrorCode } from '../errors.js';
import type { StoredDocument } from '../store/contentStore.js';

/** A document written after the revision an import was checked at (by someone else). */
export interface ImportConflict {
  collection: CollectionName;
  id: string;
}

/** The documents (deletions included) written after `rev`, sorted by collection and id. */
export function changedSince(documents: readonly StoredDocument[], rev: number): ImportConflict[] {
  return documents
    .filter((doc) => doc.rev > rev)
    .map((doc) => ({ collection: doc.collection, id: doc.id }))
    .sort((a, b) => `${a.collection}/${a.id}`.localeCompare(`${b.collection}/${b.id}`));
}

/**
 * The refusal of an import applied after the content moved on from the revision its dry run
 * showed: the admin approved a diff that is no longer the one that would be written. Its
 * issues name each document changed since.
 */
export function staleImport(
  expectedRev: number,
  currentRev: number,
  conflicts: readonly ImportConflict[],
): AppError {
  return new AppError(
    ErrorCode.CONFLICT,
    `The content is at revision ${currentRev}, not ${expectedRev}: it changed after the dry run. Run a new dry run and check its diff.`,
    conflicts.map((c) => ({
      path: [c.collection, c.id],
      message: `changed after revision ${expectedRev}`,
    })),
  );
}
