import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import type { ContentSnapshot } from '../content/snapshot.js';
import { MAX_LESSON_MARKDOWN, type Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { AppError, ValidationError, type Issue } from '../errors.js';
import { assertEditedReferences, buildEditedLesson } from './editedLesson.js';
import { OTHER_MARKDOWN } from './otherMarkdownIssues.js';

/**
 * What `previewLesson` is asked: one locale's markdown, and the lesson it belongs to (if any);
 * optionally the other locale's markdown, as `upsertLesson` takes it.
 */
export interface LessonPreviewRequest {
  markdown: string;
  locale: Locale;
  /** The lesson being edited: its other locale is parsed alongside, as a save would. */
  slug?: string | null;
  /** The other locale's unsaved markdown, parsed in place of the stored one (as a save would). */
  otherMarkdown?: string | null;
}

/** A lesson as a save of the markdown would make it (never written), and what the save would refuse. */
export interface LessonPreview {
  locale: Locale;
  /** The lesson built from the markdown; its sections carry the previewed locale. */
  lesson: Entry<Lesson>;
  /** The markdown's leading `# heading`, or null. */
  title: string | null;
  /** Every problem a save would report (unknown concept links, misaligned sections …). */
  issues: Issue[];
}

/**
 * Parses one locale's lesson markdown exactly as `upsertLesson` would (the same parser thread,
 * bounds, schema, section alignment with the lesson's other locale, and reference checks against
 * the content the request reads), without writing anything. For editors and admins: a preview is
 * part of editing. Markdown over the lesson size limit is refused, as a save refuses it; any
 * other problem a save would refuse is returned as an issue beside the blocks, so a preview can
 * still show what was typed. With `otherMarkdown`, both texts are parsed and lined up as
 * `upsertLesson` with it would (the same code: buildEditedLesson), and issues are at the same
 * paths (`otherMarkdown.<locale>` …). When the lesson as a whole cannot be built (misaligned
 * sections, say), the markdown is parsed on its own.
 */
export async function previewLesson(
  snapshot: ContentSnapshot,
  viewer: Viewer,
  writable: boolean,
  args: LessonPreviewRequest,
): Promise<LessonPreview> {
  authorize(viewer, 'editDraft', writable);
  refuseOversize(args.markdown, 'markdown');
  if (args.otherMarkdown) refuseOversize(args.otherMarkdown, OTHER_MARKDOWN);
  const current = args.slug ? snapshot.documents.lessons.get(args.slug) : undefined;
  const base = current ? withoutMeta(current) : undefined;
  const slug = args.slug ?? 'preview';
  // The parser is loaded on first use, as upsertLesson loads it (cold starts).
  const { buildLesson, documentTitle, parseLessonMarkdown } =
    await import('../markdown/buildLesson.js');
  const issues: Issue[] = [];
  // As a save: both locales, the other one as sent, else as stored.
  const edit = {
    slug,
    markdown: args.markdown,
    locale: args.locale,
    otherMarkdown: args.otherMarkdown,
  };

  // The markdown alone, read as the previewed locale (what a reader of it would see).
  const alone = async (): Promise<Lesson> => {
    const trees = await parseLessonMarkdown({ ko: args.markdown });
    const built = buildLesson(
      {
        slug,
        number: null,
        title: { ko: slug },
        status: 'DRAFT',
        markdown: { ko: args.markdown },
      },
      trees,
    );
    const sections = built.sections.map((section) => ({
      ...section,
      title: { ko: section.title.ko, [args.locale]: section.title.ko },
      body: { ko: section.body.ko, [args.locale]: section.body.ko },
    }));
    return { ...built, sections };
  };

  let lesson: Lesson;
  try {
    lesson = await buildEditedLesson(base, edit);
    try {
      assertEditedReferences(snapshot, lesson, edit, []);
    } catch (error) {
      issues.push(...issuesOf(error));
    }
  } catch (error) {
    issues.push(...issuesOf(error));
    try {
      lesson = await alone();
    } catch (again) {
      // Nothing to show (a bound broken, say): the issues say why.
      if (!(again instanceof AppError)) throw again;
      lesson = { ...emptyLesson(slug), markdown: { ko: args.markdown } };
    }
  }

  let title: string | null = null;
  try {
    title = documentTitle(args.markdown, args.locale);
  } catch {
    // Reported above already.
  }
  const entry: Entry<Lesson> = {
    ...lesson,
    rev: current?.rev ?? 0,
    version: current?.version ?? 0,
    createdAt: current?.createdAt ?? '',
    updatedAt: current?.updatedAt ?? '',
  };
  return { locale: args.locale, lesson: entry, title, issues: unique(issues) };
}

// Refused before anything is parsed, as a save's schema refuses it: the same limit.
function refuseOversize(text: string, argument: string): void {
  if (text.length <= MAX_LESSON_MARKDOWN) return;
  throw new ValidationError('The lesson markdown is too long', [
    {
      path: [argument],
      message: `is ${text.length} characters long; at most ${MAX_LESSON_MARKDOWN} are allowed`,
    },
  ]);
}

// A refusal a save would answer becomes issues; anything else is a fault and propagates.
function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof AppError)) throw error;
  return error.issues.length > 0 ? error.issues : [{ path: [], message: error.message }];
}

function unique(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function emptyLesson(slug: string): Lesson {
  return {
    slug,
    number: null,
    title: { ko: slug },
    status: 'DRAFT',
    markdown: { ko: '' },
    sections: [],
    concepts: [],
    readingMinutes: { ko: 1 },
    contentHash: '0'.repeat(64),
  };
}
