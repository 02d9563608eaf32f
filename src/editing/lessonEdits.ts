import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import { lessonSourceSchema, type Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { AppError, ErrorCode } from '../errors.js';
import {
  guardStatusChange,
  guardTranslations,
  type TranslationChoice,
} from './translationGuard.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { dropNulls, parseInput, requireVersion } from './inputs.js';
import { assertReferences } from './referenceIssues.js';

/** What `upsertLesson` takes besides the markdown. */
export interface LessonUpsert {
  slug: string;
  markdown: string;
  locale: Locale;
  expectedVersion?: number | null;
  title?: { ko?: string | null; en?: string | null } | null;
  number?: number | null;
  summary?: { ko?: string | null; en?: string | null } | null;
  /** What the edit says about translation (see guardTranslations). */
  choice?: TranslationChoice;
  /** OUTDATED sections (or title, summary) whose English this write confirms unchanged. */
  confirm?: readonly string[];
}

/**
 * Creates or replaces one locale's markdown of a lesson, parsed into sections and blocks exactly
 * as the seed's lessons are. A new lesson starts as a DRAFT (editor or admin) and takes its title
 * from the arguments or the markdown's `# heading`; replacing needs the version last read, and
 * an admin if the lesson is published. The other locale is kept and must still line up.
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
  // The Markdown parser is loaded on the first lesson edit, not at start-up (cold starts), and
  // parses on its own thread: readers are served meanwhile.
  const { buildLesson, documentTitle, parseLessonMarkdown } =
    await import('../markdown/buildLesson.js');
  const markdown = { ko: base?.markdown.ko, en: base?.markdown.en, [args.locale]: args.markdown };
  const trees = await parseLessonMarkdown(
    parseInput(lessonSourceSchema.shape.markdown, dropNulls(markdown), ['markdown'], 'The lesson'),
  );
  const heading = documentTitle(args.markdown, args.locale, trees[args.locale]);
  const source = parseInput(
    lessonSourceSchema,
    dropNulls({
      slug: args.slug,
      number: args.number ?? base?.number ?? null,
      title: {
        ...base?.title,
        ...(heading && !base ? { [args.locale]: heading } : {}),
        ...(dropNulls(args.title ?? {}) as object),
      },
      summary: args.summary === undefined ? base?.summary : args.summary,
      status: base?.status ?? 'DRAFT',
      markdown,
    }),
    [],
    'The lesson',
  );
  const lesson = buildLesson(source, trees);
  assertReferences(
    edit.snapshot,
    [{ collection: 'lessons', id: lesson.slug, data: lesson }],
    ['markdown'],
  );
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
