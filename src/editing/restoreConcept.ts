import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import type { Concept } from '../domain/concept.js';
import { AppError, ErrorCode, ValidationError } from '../errors.js';
import { updateConcept } from './conceptEdits.js';
import { beginEdit, type EditDeps } from './editor.js';
import { requireVersion } from './inputs.js';
import type { TranslationChoice } from './translationGuard.js';

// The concept's texts written as `{ ko, en }` at the top level: a patch changes only the locales
// it names, so a restore names both (English `null` where the old version had none).
const LOCALIZED = ['term', 'summary', 'definition'] as const;

/**
 * Restores the content of an earlier version of a concept as a new version. It is an edit, not a
 * rewind: it goes through `updateConcept` (same permission, validation, references, translation
 * tracking, publishing guard and expected version), so editors may restore drafts and only
 * admins published concepts, whose readers would see the old content at once. The status stays
 * as it is (restoring content does not publish or unpublish). An unknown version, or one that
 * is a deletion, is NOT_FOUND.
 */
export async function restoreConcept(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  version: number,
  expectedVersion: number | null | undefined,
  choice: TranslationChoice = {},
): Promise<Entry<Concept>> {
  requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'editDraft');
  const current = edit.snapshot.documents.concepts.get(slug);
  if (!current) throw notFound(['slug'], `There is no concept "${slug}".`);
  if (!Number.isInteger(version) || version < 1) {
    throw new ValidationError('version must be a version from the history', [
      { path: ['version'], message: 'must be an integer of at least 1' },
    ]);
  }
  // History is newest first: reading back to the wanted version is enough.
  const depth = current.version - version + 1;
  const found =
    depth >= 1
      ? (await deps.store.readHistory('concepts', slug, depth)).find((v) => v.version === version)
      : undefined;
  if (!found || found.deleted) {
    throw notFound(['version'], `"${slug}" has no version ${version} to restore.`);
  }
  const old: Record<string, unknown> = { ...found.data };
  const patch: Record<string, unknown> = {};
  // Fields the old version did not have are removed, every other field replaced whole.
  for (const key of Object.keys(withoutMeta(current))) patch[key] = null;
  for (const [key, value] of Object.entries(old)) patch[key] = value;
  for (const key of LOCALIZED) {
    const text = old[key] as { ko: string; en?: string } | undefined;
    if (text) patch[key] = { ko: text.ko, en: text.en ?? null };
  }
  delete patch.slug;
  delete patch.status;
  return updateConcept(deps, viewer, slug, patch, expectedVersion, choice);
}

function notFound(path: string[], message: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, message, [{ path, message: 'not found' }]);
}
