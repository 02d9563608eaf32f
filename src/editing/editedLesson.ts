import type { ContentSnapshot } from '../content/snapshot.js';
import { lessonSourceSchema, type Lesson, type LessonSource } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { dropNulls, parseInput } from './inputs.js';
import { pointAtOtherMarkdown } from './otherMarkdownIssues.js';
import { assertReferences } from './referenceIssues.js';

/**
 * The texts of a lesson edit: one locale's markdown, optionally the other locale's
 * (`otherMarkdown`), and metadata. Both `upsertLesson` and `previewLesson` are asked this, so a
 * preview builds exactly what the save would.
 */
export interface LessonEdit {
  slug: string;
  markdown: string;
  locale: Locale;
  title?: { ko?: string | null; en?: string | null } | null;
  number?: number | null;
  summary?: { ko?: string | null; en?: string | null } | null;
  /**
   * The other locale's markdown (English when `locale` is Korean, and the reverse), taken in
   * place of the stored one: so a section can be added or removed in both languages at once.
   */
  otherMarkdown?: string | null;
}

/** The locale `otherMarkdown` is in, when it was sent; else undefined (the stored one is kept). */
export function otherLocaleSent(edit: LessonEdit): Locale | undefined {
  if (edit.otherMarkdown === undefined || edit.otherMarkdown === null) return undefined;
  return edit.locale === 'ko' ? 'en' : 'ko';
}

/**
 * The lesson as a save of the edit would store it: the stored markdown with the sent locale(s)
 * in place, validated, parsed (off the request thread) and built into sections that line up
 * across locales. A refusal of an edit that sent both locales names the argument each issue is
 * about (see pointAtOtherMarkdown).
 */
export async function buildEditedLesson(
  base: LessonSource | undefined,
  edit: LessonEdit,
): Promise<Lesson> {
  const other = otherLocaleSent(edit);
  try {
    return await build(base, edit, other);
  } catch (error) {
    throw other ? pointAtOtherMarkdown(error, other) : error;
  }
}

/**
 * Refuses an edited lesson whose links lead to unknown concepts, the issues under `at` (a
 * save's are under `markdown`; a preview's at the section), and those found only in
 * `otherMarkdown`'s text under `otherMarkdown`.
 */
export function assertEditedReferences(
  snapshot: ContentSnapshot,
  lesson: Lesson,
  edit: LessonEdit,
  at: (string | number)[],
): void {
  const other = otherLocaleSent(edit);
  try {
    assertReferences(snapshot, [{ collection: 'lessons', id: lesson.slug, data: lesson }], at);
  } catch (error) {
    throw other ? pointAtOtherMarkdown(error, other, lesson, at) : error;
  }
}

async function build(
  base: LessonSource | undefined,
  edit: LessonEdit,
  other: Locale | undefined,
): Promise<Lesson> {
  // The Markdown parser is loaded on the first lesson edit, not at start-up (cold starts), and
  // parses on its own thread: readers are served meanwhile.
  const { buildLesson, documentTitle, parseLessonMarkdown } =
    await import('../markdown/buildLesson.js');
  const sent = { [edit.locale]: edit.markdown, ...(other ? { [other]: edit.otherMarkdown } : {}) };
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
      slug: edit.slug,
      number: edit.number ?? base?.number ?? null,
      title: { ...base?.title, ...headings, ...(dropNulls(edit.title ?? {}) as object) },
      summary: edit.summary === undefined ? base?.summary : edit.summary,
      status: base?.status ?? 'DRAFT',
      markdown,
    }),
    [],
    'The lesson',
  );
  return buildLesson(source, trees);
}
