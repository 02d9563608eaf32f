import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import type { Lesson } from '../domain/lesson.js';
import { AppError, ErrorCode } from '../errors.js';
import {
  guardStatusChange,
  guardTranslations,
  type TranslationChoice,
} from './translationGuard.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { assertEditedReferences, buildEditedLesson, type LessonEdit } from './editedLesson.js';
import { requireVersion } from './inputs.js';
import { assertReferences } from './referenceIssues.js';

/**
 * What `upsertLesson` takes: the edit's texts (`otherMarkdown`, when sent, saved in the same
 * write) and what the save checks against.
 */
export interface LessonUpsert extends LessonEdit {
  expectedVersion?: number | null;
  /** What the edit says about translation (see guardTranslations). */
  choice?: TranslationChoice;
  /** OUTDATED sections (or title, summary) whose English this write confirms unchanged. */
  confirm?: readonly string[];
}

/**
 * Creates or replaces one locale's markdown of a lesson, parsed into sections and blocks exactly
 * as the seed's lessons are. A new lesson starts as a DRAFT (editor or admin) and takes its title
 * from the arguments or the markdown's `# heading`; replacing needs the version last read, and
 * an admin if the lesson is published. The other locale is kept and must still line up, unless
 * its markdown is sent too (`otherMarkdown`): both are then parsed and checked together, and the
 * refusal names the argument each issue is about (see buildEditedLesson).
 */
export async function upsertLesson(
  deps: EditDeps,
  viewer: Viewer,
  args: LessonUpsert,
): Promise<Entry<Lesson>> {
  const edit = await beginEdit(deps, viewer, 'createDraft');
  const current = edit.snapshot.documents.lessons.get(args.slug);
  if (current?.status === 'PUBLISHED') authorize(viewer, 'editPublished', deps.writable);
  const version = current ? requireVersion(args.expectedVersion) : 0;
  if (!current && args.expectedVersion) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `There is no lesson "${args.slug}" at version ${args.expectedVersion}.`,
    );
  }
  const base = current ? withoutMeta(current) : undefined;
  const lesson = await buildEditedLesson(base, args);
  assertEditedReferences(edit.snapshot, lesson, args, ['markdown']);
  // The translation records follow trackTranslations as for any write: English written in this
  // save is current against the Korean it is saved with. So a section added in both languages
  // at once is CURRENT (as a new lesson saved with both is), an existing section whose Korean
  // changed and English did not is OUTDATED (unless `needsRetranslation: false`), and one whose
  // English changed too is CURRENT: the editor wrote the two together.
  const translation = guardTranslations({
    viewer,
    writable: deps.writable,
    collection: 'lessons',
    previous: current,
    next: lesson,
    published: lesson.status === 'PUBLISHED',
    publishing: false,
    choice: args.choice ?? {},
    prefix: [],
  });
  const snapshot = await commitEdit(deps, edit, [
    {
      op: 'put',
      collection: 'lessons',
      id: lesson.slug,
      data: lesson,
      expectedVersion: version,
      translation: args.confirm?.length ? { ...translation, confirm: args.confirm } : translation,
    },
  ]);
  return snapshot.documents.lessons.get(lesson.slug)!;
}

/**
 * Publishes or unpublishes a lesson (admin); publishing needs current English for its title,
 * summary and every section, unless the admin allows it (`choice.allowUntranslated`).
 */
export async function setLessonStatus(
  deps: EditDeps,
  viewer: Viewer,
  slug: string,
  status: Lesson['status'],
  expectedVersion: number | null | undefined,
  choice: TranslationChoice = {},
): Promise<Entry<Lesson>> {
  const version = requireVersion(expectedVersion);
  const edit = await beginEdit(deps, viewer, 'publish');
  const current = edit.snapshot.documents.lessons.get(slug);
  if (!current) {
    throw new AppError(ErrorCode.NOT_FOUND, `There is no lesson "${slug}".`, [
      { path: ['slug'], message: 'no such lesson' },
    ]);
  }
  const data = withoutMeta(current);
  if (status === 'PUBLISHED') {
    // Its links must all lead to published concepts (checkReferences says which do not).
    assertReferences(
      edit.snapshot,
      [{ collection: 'lessons', id: slug, data: { ...data, status } }],
      [],
    );
  }
  const translation = guardStatusChange({
    viewer,
    writable: deps.writable,
    collection: 'lessons',
    current,
    next: { ...data, status },
    choice,
  });
  const snapshot = await commitEdit(deps, edit, [
    {
      op: 'put',
      collection: 'lessons',
      id: slug,
      data: { ...data, status },
      expectedVersion: version,
      translation,
    },
  ]);
  return snapshot.documents.lessons.get(slug)!;
}
