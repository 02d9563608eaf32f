import { posix } from 'node:path';
import { z } from 'zod';
import type { ContentBundle, CollectionName } from '../domain/bundle.js';
import { categorySchema } from '../domain/category.js';
import { checkReferences } from '../domain/checkReferences.js';
import { checkTranslations } from '../domain/checkTranslations.js';
import { comparisonSchema } from '../domain/comparison.js';
import { conceptSchema } from '../domain/concept.js';
import { lessonSourceSchema, type Lesson, type LessonSource } from '../domain/lesson.js';
import { relationId, relationSchema } from '../domain/relation.js';
import { issuesFromZod, ValidationError } from '../errors.js';
import { buildLesson, type LessonTrees } from '../markdown/buildLesson.js';
import { diskSeedSource } from './diskSeedSource.js';
import { listYamlFiles, readSeedText, readYamlFile, type SeedReading } from './readSeedFiles.js';
import { readTranslations } from './readTranslations.js';
import { SeedValidationError, type SeedIssue } from './seedError.js';
import type { SeedSource } from './seedSource.js';
import { TRANSLATIONS_DIR, translationsFile } from './translationFiles.js';

/** Where each kind of content lives inside a seed directory. */
export const SEED_LAYOUT = {
  categories: 'categories.yaml',
  concepts: 'concepts',
  relations: 'relations.yaml',
  comparisons: 'comparisons',
  lessons: 'lessons',
  /** Translation records, one file per collection (see translationFiles.ts). */
  translations: TRANSLATIONS_DIR,
} as const;

// A lesson's YAML names its markdown files; the loader reads them and builds the lesson.
const lessonSeedSchema = lessonSourceSchema.extend({
  markdown: z
    .object({
      ko: z.string().regex(/^[\w.-]+\.md$/, 'must be a .md file name in the same directory'),
      en: z
        .string()
        .regex(/^[\w.-]+\.md$/, 'must be a .md file name in the same directory')
        .optional(),
    })
    .strict(),
});

/** How strictly a seed is loaded. */
export interface LoadSeedOptions {
  /**
   * Translation records of documents or texts that are not there are not issues (they stay in
   * the bundle, naming nothing): for `npm run translations -- refresh`, which rewrites the records from the
   * content and so drops them.
   */
  ignoreStaleTranslations?: boolean;
  /**
   * Parses a lesson's markdown (a server passes the parser thread, so an upload does not hold
   * its readers); by default the markdown is parsed here, as the commands do.
   */
  parseMarkdown?: (markdown: LessonSource['markdown']) => Promise<LessonTrees>;
}

/**
 * Loads and validates a seed directory into a content bundle. Every file is parsed with the
 * domain's zod schemas, lessons are built from their markdown, cross-references are checked, and
 * the translation records (`translations/`, when present) must name documents and texts that exist.
 * Throws SeedValidationError listing every issue as file, path inside it, and rule broken.
 */
export function loadSeedDirectory(
  seedDir: string,
  options: LoadSeedOptions = {},
): Promise<ContentBundle> {
  return loadSeed(diskSeedSource(seedDir), options);
}

/**
 * Loads and validates a seed from any source (a directory, uploaded files) exactly as
 * loadSeedDirectory does; every issue found in a YAML file or a lesson's markdown also names
 * its line.
 */
export async function loadSeed(
  source: SeedSource,
  options: LoadSeedOptions = {},
): Promise<ContentBundle> {
  const issues: SeedIssue[] = [];
  if (!(await source.exists())) {
    throw new SeedValidationError([
      { file: source.name, path: [], message: 'is not a seed directory' },
    ]);
  }
  const reading: SeedReading = { source, issues, lines: new Map(), issueLines: new Map() };
  const files = new Map<string, string>(); // "collection/id" -> file, for reference issues
  const fileOf = (collection: CollectionName, id: string) => files.get(`${collection}/${id}`);

  const categories = await readList(reading, SEED_LAYOUT.categories, categorySchema);
  categories.forEach((c) => files.set(`categories/${c.slug}`, SEED_LAYOUT.categories));

  const concepts = await readOnePerFile(reading, SEED_LAYOUT.concepts, conceptSchema);
  concepts.forEach(({ file, value }) => files.set(`concepts/${value.slug}`, file));

  const relations = await readList(reading, SEED_LAYOUT.relations, relationSchema);
  relations.forEach((r) => files.set(`relations/${relationId(r)}`, SEED_LAYOUT.relations));

  const comparisons = await readOnePerFile(reading, SEED_LAYOUT.comparisons, comparisonSchema);
  comparisons.forEach(({ file, value }) => files.set(`comparisons/${value.slug}`, file));

  const lessons = await readLessons(reading, options);
  lessons.forEach(({ file, value }) => files.set(`lessons/${value.slug}`, file));

  const translations = await readTranslations(reading);

  const bundle: ContentBundle = {
    categories,
    concepts: concepts.map((c) => c.value),
    relations,
    comparisons: comparisons.map((c) => c.value),
    lessons: lessons.map((l) => l.value),
    ...(translations ? { translations } : {}),
  };
  // Reference checks only make sense once every document parsed on its own.
  if (issues.length === 0) {
    for (const issue of checkReferences(bundle)) {
      issues.push({
        file: fileOf(issue.collection, issue.id) ?? issue.collection,
        path: issue.path,
        message: issue.message,
      });
    }
  }
  // The records name documents and texts: checked only against content that is itself valid,
  // so an edit that breaks a reference is reported once, not again as records it orphaned.
  if (issues.length === 0 && !options.ignoreStaleTranslations) {
    for (const issue of checkTranslations(bundle)) {
      issues.push({
        file: translationsFile(issue.collection),
        path: issue.path,
        message: `${issue.message} (\`npm run translations -- refresh\` drops records of what is gone)`,
      });
    }
  }
  if (issues.length > 0) throw new SeedValidationError(issues, issueLines(reading));
  return bundle;
}

// The line of each issue where it is known: a YAML file's from the path, a markdown rule's from
// its message.
function issueLines(reading: SeedReading): Map<SeedIssue, number> {
  const lines = new Map(reading.issueLines);
  for (const issue of reading.issues) {
    if (lines.has(issue)) continue;
    const line =
      reading.lines.get(issue.file)?.(issue.path) ??
      (issue.file.endsWith('.md') ? markdownLine(issue.message) : undefined);
    if (line !== undefined) lines.set(issue, line);
  }
  return lines;
}

// MarkdownError messages start with the line they are about (see markdown/markdownError.ts).
function markdownLine(message: string): number | undefined {
  const match = /^line (\d+): /.exec(message);
  return match ? Number(match[1]) : undefined;
}

async function readList<T>(reading: SeedReading, file: string, schema: z.ZodType<T>): Promise<T[]> {
  const { issues } = reading;
  const { data } = await readYamlFile(reading, file);
  if (data === undefined) return [];
  const parsed = z.array(schema).safeParse(data);
  if (!parsed.success) {
    issuesFromZod(parsed.error).forEach((issue) => issues.push({ file, ...issue }));
    return [];
  }
  return parsed.data;
}

async function readOnePerFile<T extends { slug: string }>(
  reading: SeedReading,
  subDir: string,
  schema: z.ZodType<T>,
): Promise<{ file: string; value: T }[]> {
  const { issues } = reading;
  const results: { file: string; value: T }[] = [];
  for (const file of await listYamlFiles(reading.source, subDir)) {
    const { data } = await readYamlFile(reading, file);
    if (data === undefined) continue;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      issuesFromZod(parsed.error).forEach((issue) => issues.push({ file, ...issue }));
      continue;
    }
    const expected = `${parsed.data.slug}.yaml`;
    if (posix.basename(file) !== expected) {
      issues.push({
        file,
        path: ['slug'],
        message: `file must be named ${expected} after its slug`,
      });
      continue;
    }
    results.push({ file, value: parsed.data });
  }
  return results;
}

async function readLessons(
  reading: SeedReading,
  options: LoadSeedOptions,
): Promise<{ file: string; value: Lesson }[]> {
  const { issues } = reading;
  const lessons: { file: string; value: Lesson }[] = [];
  for (const { file, value } of await readOnePerFile(
    reading,
    SEED_LAYOUT.lessons,
    lessonSeedSchema,
  )) {
    const markdownFile = (name: string) => posix.join(posix.dirname(file), name);
    const readMarkdown = (locale: 'ko' | 'en', name: string) =>
      readSeedText(reading, markdownFile(name), { file, path: ['markdown', locale] });
    const ko = await readMarkdown('ko', value.markdown.ko);
    const en =
      value.markdown.en === undefined ? undefined : await readMarkdown('en', value.markdown.en);
    if (ko === undefined || (value.markdown.en !== undefined && en === undefined)) continue;
    const markdown = { ko, ...(en === undefined ? {} : { en }) };
    const source = lessonSourceSchema.safeParse({ ...value, markdown });
    if (!source.success) {
      issuesFromZod(source.error).forEach((issue) => issues.push({ file, ...issue }));
      continue;
    }
    try {
      const trees = await options.parseMarkdown?.(source.data.markdown);
      lessons.push({ file, value: buildLesson(source.data, trees) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) {
        const [root, locale] = issue.path;
        const mdName =
          root === 'markdown' && (locale === 'ko' || locale === 'en')
            ? value.markdown[locale]
            : undefined;
        issues.push(
          mdName
            ? { file: markdownFile(mdName), path: [], message: issue.message }
            : { file, path: issue.path, message: issue.message },
        );
      }
    }
  }
  return lessons;
}
