import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import { categorySchema, type Category } from '../domain/category.js';
import { AppError, ErrorCode } from '../errors.js';
import { guardTranslations, type TranslationChoice } from './translationGuard.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { applyPatch, dropNulls, parseInput, requireVersion } from './inputs.js';

/**
 * Creates a category (admin). Categories are public as soon as they exist, so a category
 * without English needs the admin's explicit `choice.allowUntranslated`.
 */
export async function createCategory(
  deps: EditDeps,
  viewer: Viewer,
  input: unknown,
  choice: TranslationChoice = {},
): Promise<Entry<Category>> {
  const edit = await beginEdit(deps, viewer, 'manageCategories');
  const category = parseInput(categorySchema, dropNulls(input), ['input'], 'The category');
  if (edit.snapshot.documents.categories.has(category.slug)) {
    throw new AppError(ErrorCode.CONFLICT, `A category "${category.slug}" already exists.`, [
      { path: ['input', 'slug'], message: 'is taken' },
    ]);
  }
  const translation = guardTranslations({
    viewer,
    writable: deps.writable,
    collection: 'categories',
    previous: undefined,
    next: category,
    published: true,
    publishing: true,
    choice,
    prefix: ['input'],
  });
  const snapshot = await commitEdit(deps, edit, [
    {
      op: 'put',
      collection: 'categories',
      id: category.slug,
      data: category,
      expectedVersion: 0,
      translation,
    },
  ]);
  return snapshot.documents.categories.get(category.slug)!;
}

/**
 * Patches a category (admin). Needs the version last read. Categories are public: a Korean
 * change that outdates English needs `needsRetranslation: false` or `allowUntranslated`.
 */
export async function updateCategory(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  patch: Record<string, unknown>,
  expectedVersion: number | null | undefined,
  choice: TranslationChoice = {},
): Promise<Entry<Category>> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'manageCategories');
  const current = edit.snapshot.documents.categories.get(slug);
  if (!current) {
    throw new AppError(ErrorCode.NOT_FOUND, `There is no category "${slug}".`, [
      { path: ['slug'], message: 'no such category' },
    ]);
  }
  const category = parseInput(
    categorySchema,
    applyPatch(withoutMeta(current), patch),
    ['patch'],
    'The patched category',
  );
  const translation = guardTranslations({
    viewer,
    writable: deps.writable,
    collection: 'categories',
    previous: current,
    next: category,
    published: true,
    publishing: false,
    choice,
    prefix: ['patch'],
  });
  const snapshot = await commitEdit(deps, edit, [
    {
      op: 'put',
      collection: 'categories',
      id: slug,
      data: category,
      expectedVersion: version,
      translation,
    },
  ]);
  return snapshot.documents.categories.get(slug)!;
}
