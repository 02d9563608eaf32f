import type { Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { ValidationError, type Issue } from '../errors.js';
import { conceptsIn } from '../markdown/visitBlocks.js';

/** The argument of `upsertLesson` and `previewLesson` that carries the other locale's markdown. */
export const OTHER_MARKDOWN = 'otherMarkdown';

/**
 * A refusal of a lesson save that sent both locales, its issues pointed at the argument that
 * carried the text they are about: the lesson's code names a locale's markdown
 * (`markdown.<locale>`, as a one-locale save answers), which for the other locale is
 * `otherMarkdown.<locale>`; a link to an unknown concept (`markdown.sections.<n>.…`) found only in
 * the other locale's section is `otherMarkdown.sections.<n>.…`. Anything else is returned as is.
 * `at` is where the reference issues' section paths start (`markdown` for a save; a preview
 * reports them at the section itself). Why: the caller sent two texts, and must be told which
 * of them to fix.
 */
export function pointAtOtherMarkdown(
  error: unknown,
  other: Locale,
  lesson?: Lesson,
  at: readonly (string | number)[] = ['markdown'],
): unknown {
  if (!(error instanceof ValidationError)) return error;
  const issues = error.issues.map((issue) => relocate(issue, other, lesson, at));
  if (issues.every((issue, i) => issue === error.issues[i])) return error;
  return new ValidationError(error.message, issues);
}

function relocate(
  issue: Issue,
  other: Locale,
  lesson: Lesson | undefined,
  at: readonly (string | number)[],
): Issue {
  const [head, second] = issue.path;
  if (head === 'markdown' && second === other) {
    return { ...issue, path: [OTHER_MARKDOWN, ...issue.path.slice(1)] };
  }
  // A reference issue: `<at>.sections.<n>.<label>`.
  if (!at.every((segment, i) => issue.path[i] === segment)) return issue;
  const [sections, index, label] = issue.path.slice(at.length);
  if (sections !== 'sections' || typeof index !== 'number' || typeof label !== 'string') {
    return issue;
  }
  // A reference issue names the section's concepts, which are those of both locales.
  const slug = /^link concept:(.*)$/.exec(label)?.[1];
  const section = lesson?.sections[index];
  if (slug === undefined || !section) return issue;
  const main: Locale = other === 'ko' ? 'en' : 'ko';
  const inOther = conceptsIn(section.body[other]?.blocks ?? []).includes(slug);
  const inMain = conceptsIn(section.body[main]?.blocks ?? []).includes(slug);
  const moved = [OTHER_MARKDOWN, ...issue.path.slice(at.length)];
  return inOther && !inMain ? { ...issue, path: moved } : issue;
}
