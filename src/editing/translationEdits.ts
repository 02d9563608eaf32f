import type { z } from 'zod';
import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import type { CollectionName } from '../domain/bundle.js';
import { categorySchema } from '../domain/category.js';
import { comparisonSchema } from '../domain/comparison.js';
import { conceptSchema } from '../domain/concept.js';
import type { Lesson } from '../domain/lesson.js';
import { relationSchema } from '../domain/relation.js';
import { fieldTranslations } from '../domain/translation/translationState.js';
import { AppError, ErrorCode, ValidationError, type Issue } from '../errors.js';
import type { CollectionData, DocumentWrite } from '../store/contentStore.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { parseInput, requireVersion } from './inputs.js';
import { upsertLesson } from './lessonEdits.js';
import { fieldPathSegments } from './translationGuard.js';

/** A document with translatable text, by collection and id. */
export interface DocumentRef {
  collection: CollectionName;
  id: string;
}

/** One English text to write, by its field path. */
export interface EnglishText {
  path: string;
  text: string;
}

/**
 * Confirms that the English of the given fields still says what the present Korean says,
 * without rewriting it: they become CURRENT, by the viewer, and the version records the
 * confirmation. Editors may confirm on any document (it changes no text); only OUTDATED texts
 * can be confirmed, so a typo in a path is an error rather than a silent no-op.
 */
export async function confirmTranslation(
  deps: EditDeps,
  viewer: Viewer,
  ref: DocumentRef,
  paths: readonly string[],
  expectedVersion: number | null | undefined,
): Promise<Entry<object>> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'translate');
  const current = documentOf(edit.snapshot.documents, ref);
  const issues: Issue[] = [];
  if (paths.length === 0) issues.push({ path: ['paths'], message: 'must name at least one field' });
  issues.push(...confirmIssues(ref.collection, current, paths, 'paths'));
  if (issues.length > 0) throw new ValidationError('Nothing was confirmed', issues);
  const write = {
    op: 'put',
    collection: ref.collection,
    id: ref.id,
    data: withoutMeta(current),
    expectedVersion: version,
    translation: { confirm: [...new Set(paths)] },
  } as unknown as DocumentWrite;
  const snapshot = await commitEdit(deps, edit, [write]);
  return documentOf(snapshot.documents, ref);
}

/**
 * Writes the English of the given fields (a translator's work, one document at a time): each
 * becomes CURRENT against the present Korean. Validated as any edit of the document is;
 * published content needs an admin, as for any other edit of it. Lesson sections are replaced
 * inside the lesson's English markdown, which is then parsed like any lesson edit. `confirm`
 * names OUTDATED texts whose English the same write confirms (as `confirmTranslation` does), so
 * that a translator's rewrites and confirmations of one document are one version.
 */
export async function updateTranslations(
  deps: EditDeps,
  viewer: Viewer,
  ref: DocumentRef,
  texts: readonly EnglishText[],
  expectedVersion: number | null | undefined,
  confirm: readonly string[] = [],
): Promise<Entry<object>> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'editDraft');
  const current = documentOf(edit.snapshot.documents, ref);
  const status = (current as { status?: string }).status;
  if (status === undefined || status === 'PUBLISHED')
    authorize(viewer, 'editPublished', deps.writable);
  const data = withoutMeta(current);
  const known = new Set(fieldTranslations(ref.collection, data, undefined).map((f) => f.path));
  const issues: Issue[] = [];
  if (texts.length === 0)
    issues.push({ path: ['translations'], message: 'must hold at least one text' });
  texts.forEach(({ path }, i) => {
    if (!known.has(path))
      issues.push({
        path: ['translations', i, 'path'],
        message: `"${path}" is no translatable text of this document`,
      });
  });
  issues.push(...confirmIssues(ref.collection, current, confirm, 'confirm'));
  if (issues.length > 0) throw new ValidationError('No English was written', issues);
  const translation = confirm.length > 0 ? { confirm: [...new Set(confirm)] } : undefined;

  if (ref.collection === 'lessons') {
    return upsertLesson(deps, viewer, {
      slug: ref.id,
      expectedVersion: version,
      ...lessonEnglish(data as Lesson, texts),
      ...(translation ? { confirm: translation.confirm } : {}),
    });
  }
  const next = structuredClone(data) as Record<string, unknown>;
  for (const { path, text } of texts) {
    const holder = fieldPathSegments(path).reduce<unknown>(
      (value, key) => (value as Record<string | number, unknown>)[key],
      next,
    ) as { en?: string };
    holder.en = text;
  }
  const parsed = parseInput(
    SCHEMAS[ref.collection],
    next,
    ['translations'],
    'The translated document',
  );
  const snapshot = await commitEdit(deps, edit, [
    {
      op: 'put',
      collection: ref.collection,
      id: ref.id,
      data: parsed,
      expectedVersion: version,
      ...(translation ? { translation } : {}),
    } as unknown as DocumentWrite,
  ]);
  return documentOf(snapshot.documents, ref);
}

// Texts to confirm must be OUTDATED English of this document (a typo in a path is an error).
function confirmIssues(
  collection: CollectionName,
  current: Entry<object>,
  paths: readonly string[],
  argument: string,
): Issue[] {
  if (paths.length === 0) return [];
  const states = new Map(
    fieldTranslations(collection, withoutMeta(current), current.translations).map((f) => [
      f.path,
      f.state,
    ]),
  );
  return paths.flatMap((path, i) => {
    const state = states.get(path);
    if (state === 'OUTDATED') return [];
    return [
      {
        path: [argument, i],
        message:
          state === undefined
            ? `"${path}" is no translatable text of this document`
            : `"${path}" is ${state}: only OUTDATED English can be confirmed`,
      },
    ];
  });
}

const SCHEMAS: Record<Exclude<CollectionName, 'lessons'>, z.ZodType> = {
  categories: categorySchema,
  concepts: conceptSchema,
  relations: relationSchema,
  comparisons: comparisonSchema,
};

// The lesson's English markdown with the given sections replaced (in place, in order), and its
// English title and summary.
function lessonEnglish(lesson: Lesson, texts: readonly EnglishText[]) {
  const byPath = new Map(texts.map((t) => [t.path, t.text]));
  if (lesson.markdown.en === undefined && texts.some((t) => t.path.startsWith('sections.'))) {
    throw new ValidationError('This lesson has no English yet', [
      {
        path: ['translations'],
        message: 'write the whole English markdown first (upsertLesson with locale: EN)',
      },
    ]);
  }
  let markdown = lesson.markdown.en ?? '';
  let cursor = 0;
  for (const section of lesson.sections) {
    const old = section.body.en?.markdown;
    if (old === undefined) continue;
    const at = markdown.indexOf(old, cursor);
    const replacement = byPath.get(`sections.${section.anchor}`);
    if (at < 0) continue;
    if (replacement === undefined) {
      cursor = at + old.length;
      continue;
    }
    markdown = markdown.slice(0, at) + replacement.trimEnd() + markdown.slice(at + old.length);
    cursor = at + replacement.trimEnd().length;
  }
  const title = byPath.get('title');
  const summary = byPath.get('summary');
  return {
    markdown,
    locale: 'en' as const,
    ...(title !== undefined ? { title: { en: title } } : {}),
    ...(summary !== undefined ? { summary: { ...lesson.summary!, en: summary } } : {}),
  };
}

/** The live document a reference names, or NOT_FOUND. */
export function documentOf(
  documents: { readonly [C in CollectionName]: ReadonlyMap<string, Entry<CollectionData[C]>> },
  ref: DocumentRef,
): Entry<object> {
  const found = documents[ref.collection].get(ref.id);
  if (!found) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `There is no ${ref.collection.replace(/s$/, '').replace(/ie$/, 'y')} "${ref.id}".`,
      [{ path: ['id'], message: 'no such document' }],
    );
  }
  return found;
}
