import type { Issue } from '../api.js';

/**
 * The API's message for one side of a localized field (`['patch', 'name', 'en']`), or for a
 * field without locales (`['input', 'order']`). A field-level issue about a translatable text
 * (`['patch', 'name']`: its English would be outdated or missing) belongs to its English side.
 */
export function issueAt(
  issues: readonly Issue[],
  field: string,
  locale?: 'ko' | 'en',
): string | undefined {
  return issues.find(
    (issue) =>
      issue.path[1] === field &&
      (locale === undefined
        ? issue.path.length <= 2
        : issue.path[2] === locale || (issue.path.length === 2 && locale === 'en')),
  )?.message;
}
