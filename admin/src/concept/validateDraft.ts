import { conceptInputSchema } from '../../../src/domain/concept.js';
import type { Issue } from '../api.js';
import { toDomain, type Draft } from './draft.js';

/**
 * The problems the API would find in this draft, found before sending with the API's own zod
 * schema (shared from src/domain, not copied), at the paths the API would name
 * (`['patch', 'term', 'ko']`), so they show at the same fields as the API's.
 */
export function draftIssues(slug: string, draft: Draft): Issue[] {
  const parsed = conceptInputSchema.safeParse({ slug, ...toDomain(draft) });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['patch', ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
    message: issue.message,
  }));
}
