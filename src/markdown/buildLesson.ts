import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { anchorSchema, MAX_SLUG_LENGTH } from '../domain/ids.js';
import type { Lesson, LessonSource, Section } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { ValidationError, type Issue } from '../errors.js';
import { MarkdownError } from './markdownError.js';
import { parseOffThread } from './parseOffThread.js';
import { splitSections, type ParsedDocument } from './splitSections.js';
import { conceptsIn, plainText } from './visitBlocks.js';

// Reading speeds used for reading time: Korean in characters, English in words, per minute.
const KOREAN_CHARS_PER_MINUTE = 500;
const ENGLISH_WORDS_PER_MINUTE = 220;

/** The parsed markdown of a lesson, per locale. */
export interface LessonTrees {
  ko: Root;
  en?: Root;
}

/**
 * Parses a lesson's markdown on the parser thread (see parseOffThread): for servers, whose
 * request thread must stay free for readers. Throws a ValidationError naming the locale's path
 * and the rule (a bound, or the parse deadline).
 */
export async function parseLessonMarkdown(
  markdown: LessonSource['markdown'],
): Promise<LessonTrees> {
  const parse = (text: string, locale: Locale) =>
    parseOffThread(text).catch((error: unknown) => {
      throw asValidationError(error, locale);
    });
  const ko = await parse(markdown.ko, 'ko');
  return markdown.en === undefined ? { ko } : { ko, en: await parse(markdown.en, 'en') };
}

/**
 * The text of a markdown document's leading `# heading` (the title of a new lesson), or null.
 * Throws a ValidationError, as buildLesson would, when the markdown breaks a rule.
 */
export function documentTitle(markdown: string, locale: Locale, tree?: Root): string | null {
  return parseLocale(markdown, locale, tree).title;
}

/**
 * Builds a lesson document from its source: parses each locale's markdown into sections and
 * blocks (or takes the trees parseLessonMarkdown made of them), reconciles section anchors
 * across locales, and derives the concepts it teaches, its reading time and a content hash.
 * Throws a ValidationError naming the path and the rule.
 */
export function buildLesson(source: LessonSource, trees?: LessonTrees): Lesson {
  const ko = parseLocale(source.markdown.ko, 'ko', trees?.ko);
  const en =
    source.markdown.en === undefined ? undefined : parseLocale(source.markdown.en, 'en', trees?.en);
  const sections = alignSections(ko, en);
  const concepts = unique(sections.flatMap((section) => section.concepts));
  const lesson: Lesson = {
    slug: source.slug,
    number: source.number,
    title: source.title,
    status: source.status,
    markdown: source.markdown,
    sections,
    concepts,
    readingMinutes: {
      ko: readingMinutes(ko, 'ko'),
      ...(en ? { en: readingMinutes(en, 'en') } : {}),
    },
    contentHash: hashLessonSource(source),
  };
  if (source.summary) lesson.summary = source.summary;
  return lesson;
}

/** A stable hash of everything a lesson is built from: it changes exactly when the lesson does. */
export function hashLessonSource(source: LessonSource): string {
  const canonical = JSON.stringify([
    source.slug,
    source.number,
    source.title,
    source.summary ?? null,
    source.status,
    source.markdown.ko,
    source.markdown.en ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function parseLocale(markdown: string, locale: Locale, tree: Root | undefined): ParsedDocument {
  try {
    return splitSections(markdown, tree);
  } catch (error) {
    throw asValidationError(error, locale);
  }
}

// A MarkdownError is the author's: it becomes an issue at the locale's markdown.
function asValidationError(error: unknown, locale: Locale): unknown {
  if (!(error instanceof MarkdownError)) return error;
  return new ValidationError(`lesson markdown (${locale}) is invalid`, [
    { path: ['markdown', locale], message: error.message },
  ]);
}

function alignSections(ko: ParsedDocument, en: ParsedDocument | undefined): Section[] {
  const issues: Issue[] = [];
  if (en && en.sections.length !== ko.sections.length) {
    issues.push({
      path: ['markdown', 'en'],
      message: `must have the same sections as the Korean source: ${ko.sections.length} in Korean, ${en.sections.length} in English`,
    });
    throw new ValidationError('lesson translations do not line up', issues);
  }
  const seen = new Set<string>();
  const sections = ko.sections.map((koSection, index): Section => {
    const enSection = en?.sections[index];
    const anchor = chooseAnchor(koSection.explicitAnchor, enSection, index, issues);
    if (enSection && enSection.level !== koSection.level) {
      issues.push({
        path: ['markdown', 'en'],
        message: `section ${index + 1} ("${anchor}") is level ${koSection.level} in Korean but ${enSection.level} in English`,
      });
    }
    if (seen.has(anchor)) {
      issues.push({
        path: ['markdown', 'ko'],
        message: `section anchor "${anchor}" is used twice`,
      });
    }
    seen.add(anchor);
    return {
      anchor,
      level: koSection.level,
      title: { ko: koSection.title, ...(enSection ? { en: enSection.title } : {}) },
      body: {
        ko: { blocks: koSection.blocks, markdown: koSection.markdown },
        ...(enSection ? { en: { blocks: enSection.blocks, markdown: enSection.markdown } } : {}),
      },
      concepts: unique([
        ...conceptsIn(koSection.blocks),
        ...(enSection ? conceptsIn(enSection.blocks) : []),
      ]),
    };
  });
  if (issues.length > 0) throw new ValidationError('lesson translations do not line up', issues);
  return sections;
}

function chooseAnchor(
  koAnchor: string | null,
  enSection: { explicitAnchor: string | null; title: string } | undefined,
  index: number,
  issues: Issue[],
): string {
  const enAnchor = enSection?.explicitAnchor ?? null;
  if (koAnchor && enAnchor && koAnchor !== enAnchor) {
    issues.push({
      path: ['markdown', 'en'],
      message: `section ${index + 1} has anchor "${enAnchor}" in English but "${koAnchor}" in Korean`,
    });
  }
  const derived = enSection ? asciiSlug(enSection.title) : '';
  const anchor = koAnchor ?? enAnchor ?? (derived || `section-${index + 1}`);
  // Anchors are public ids that relations cite: explicit ones must already be valid.
  const valid = anchorSchema.safeParse(anchor);
  if (!valid.success) {
    issues.push({
      path: ['markdown', koAnchor ? 'ko' : 'en'],
      message: `section ${index + 1} anchor "${anchor}" ${valid.error.issues[0]?.message ?? 'is invalid'}`,
    });
  }
  return anchor;
}

// A derived anchor keeps within the slug length limit, cut at a word boundary.
function asciiSlug(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH);
}

function readingMinutes(document: ParsedDocument, locale: Locale): number {
  const text = document.sections
    .map((section) => `${section.title}\n${plainText(section.blocks)}`)
    .join('\n');
  const minutes =
    locale === 'ko'
      ? text.replace(/\s/g, '').length / KOREAN_CHARS_PER_MINUTE
      : text.split(/\s+/).filter(Boolean).length / ENGLISH_WORDS_PER_MINUTE;
  return Math.max(1, Math.ceil(minutes));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
