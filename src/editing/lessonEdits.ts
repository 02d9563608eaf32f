import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import { lessonSourceSchema, type Lesson, type LessonSource } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { AppError, ErrorCode } from '../errors.js';
import {
  guardStatusChange,
  guardTranslations,
  type TranslationChoice,
} from './translationGuard.js';
import { beginEdit, commitEdit, type EditDeps } from './editor.js';
import { dropNulls, parseInput, requireVersion } from './inputs.js';
import { pointAtOtherMarkdown } from './otherMarkdownIssues.js';
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
  /**
   * The other locale's markdown (English when `locale` is Korean, and the reverse), saved in the
   * same write: so a section can be added or removed in both languages at once.
   */
  otherMarkdown?: string | null;
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
 * refusal names the argument each issue is about (see pointAtOtherMarkdown).
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
  const other: Locale = args.locale === 'ko' ? 'en' : 'ko';
  const both = args.otherMarkdown !== undefined && args.otherMarkdown !== null;
  // With both locales sent, each issue names the argument whose text it is about.
  const refusal = (error: unknown, lesson?: Lesson) =>
    both ? pointAtOtherMarkdown(error, other, lesson) : error;
  let lesson: Lesson;
  try {
    lesson = await buildEdited(base, args, both ? other : undefined);
  } catch (error) {
    throw refusal(error);
  }
  try {
    assertReferences(
      edit.snapshot,
      [{ collection: 'lessons', id: lesson.slug, data: lesson }],
      ['markdown'],
    );
  } catch (error) {
    throw refusal(error, lesson);
  }
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

// The lesson as the save would store it: the stored markdown with the sent locale(s) in place,
// validated, parsed (off the request thread) and built into sections that line up across
// locales. `other` is the locale of `otherMarkdown`, when it was sent.
async function buildEdited(
  base: LessonSource | undefined,
  args: LessonUpsert,
  other: Locale | undefined,
): Promise<Lesson> {
  // The Markdown parser is loaded on the first lesson edit, not at start-up (cold starts), and
  // parses on its own thread: readers are served meanwhile.
  const { buildLesson, documentTitle, parseLessonMarkdown } =
    await import('../markdown/buildLesson.js');
  const sent = { [args.locale]: args.markdown, ...(other ? { [other]: args.otherMarkdown } : {}) };
  const markdown = { ko: base?.markdown.ko, en: base?.markdown.en, ...sent };
  // Both are bounded here by the lesson schema, before either is parsed: a huge `otherMarkdown`
  // is refused as a huge `markdown` is (the issue then re-pointed at its argument).
  const trees = await parseLessonMarkdown(
    parseInput(lessonSourceSchema.shape.markdown, dropNulls(markdown), ['markdown'], 'The lesson'),
  );
  // A new lesson is titled by the `# heading` of each locale sent (unless `title` says otherwise).
  const headings = base
    ? {}
    : Object.fromEntries(
        Object.entries(sent).flatMap(([locale, text]) => {
          const heading = documentTitle(text!, locale as Locale, trees[locale as Locale]);
          return heading ? [[locale, heading]] : [];
        }),
      );
  const source = parseInput(
    lessonSourceSchema,
    dropNulls({
      slug: args.slug,
      number: args.number ?? base?.number ?? null,
      title: { ...base?.title, ...headings, ...(dropNulls(args.title ?? {}) as object) },
      summary: args.summary === undefined ? base?.summary : args.summary,
      status: base?.status ?? 'DRAFT',
      markdown,
    }),
    [],
    'The lesson',
  );
  return buildLesson(source, trees);
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
