import { z } from 'zod';
import type { Viewer } from '../auth/viewer.js';
import { actorOf } from '../auth/viewer.js';
import { contentBundleSchema, type ContentBundle } from '../domain/bundle.js';
import { checkReferences } from '../domain/checkReferences.js';
import { checkTranslations } from '../domain/checkTranslations.js';
import { lessonSourceSchema, type Lesson } from '../domain/lesson.js';
import { issuesFromZod, ValidationError, type Issue } from '../errors.js';
import { importBundle, type ImportSeedResult } from '../seed/importSeed.js';
import { authorize } from '../auth/permissions.js';
import type { EditDeps } from './editor.js';

// What a client sends: the seed's content as JSON, lessons as their sources (markdown per
// locale), and optionally the translation records (`translations`, as an export holds them).
const importBundleSchema = contentBundleSchema.extend({ lessons: z.array(lessonSourceSchema) });

/**
 * `importContent` (admin): validates a whole bundle (its translation records must name documents
 * and texts it has), then runs the same diff-and-write code as `npm run seed`. A dry run (the
 * default) only reports. Nothing is written when anything is invalid.
 */
export async function importContent(
  deps: EditDeps,
  viewer: Viewer,
  input: unknown,
  options: { dryRun: boolean; prune: boolean },
): Promise<ImportSeedResult & { dryRun: boolean }> {
  authorize(viewer, 'import', deps.writable);
  const bundle = await validateBundle(input);
  const result = await importBundle(deps.store, bundle, {
    dryRun: options.dryRun,
    prune: options.prune,
    actor: actorOf(viewer),
  });
  if (result.commits > 0) await deps.readModel.refresh();
  return { ...result, dryRun: options.dryRun };
}

async function validateBundle(input: unknown): Promise<ContentBundle> {
  // The Markdown parser is loaded on the first import, not at start-up (cold starts), and parses
  // on its own thread: readers are served meanwhile.
  const { buildLesson, parseLessonMarkdown } = await import('../markdown/buildLesson.js');
  const parsed = importBundleSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError('The bundle is invalid', issuesFromZod(parsed.error, ['bundle']));
  const issues: Issue[] = [];
  const lessons: Lesson[] = [];
  for (const [i, source] of parsed.data.lessons.entries()) {
    try {
      lessons.push(buildLesson(source, await parseLessonMarkdown(source.markdown)));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(
        ...error.issues.map((issue) => ({
          ...issue,
          path: ['bundle', 'lessons', i, ...issue.path],
        })),
      );
    }
  }
  const bundle: ContentBundle = { ...parsed.data, lessons };
  if (issues.length === 0) {
    for (const issue of checkReferences(bundle)) {
      issues.push({
        path: ['bundle', issue.collection, issue.id, ...issue.path],
        message: issue.message,
      });
    }
  }
  // Records name documents and texts: checked only against content that is itself valid.
  if (issues.length === 0) {
    for (const issue of checkTranslations(bundle)) {
      issues.push({
        path: ['bundle', 'translations', issue.collection, ...issue.path],
        message: issue.message,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError('The bundle is invalid', issues);
  return bundle;
}
