import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Runtime } from '../app.js';
import { LOCALES } from '../domain/locale.js';
import { AppError, ErrorCode, issuesFromZod, ValidationError } from '../errors.js';
import { negotiateLocale } from '../http/negotiateLocale.js';
import { MAX_QUERY_LENGTH } from '../search/analyzeQuery.js';
import { MAX_SEARCH_RESULTS, searchConcepts } from '../search/searchConcepts.js';
import { sendProblem } from './problem.js';

/** Query parameters of GET /v1/search. */
export const searchParamsSchema = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`),
    first: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

/**
 * GET /v1/search?q=…&first=…&locale=ko|en: the same search as GraphQL's `search`, as JSON.
 * Parameters are validated with zod; errors are problem+json with the GraphQL codes.
 */
export function searchRoute(ready: Promise<Runtime>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const params = searchParamsSchema.safeParse(req.query);
      if (!params.success)
        throw new ValidationError('Invalid search parameters', issuesFromZod(params.error));
      const runtime = await ready.catch(() => {
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          'Content is not available right now; retry shortly.',
        );
      });
      const snapshot = await runtime.cache.current();
      const locale = params.data.locale ?? negotiateLocale(req.headers['accept-language']);
      const hits = searchConcepts(snapshot.public, snapshot.search, params.data.q, {
        first: params.data.first,
        locale,
      });
      if (!params.data.locale) res.vary('Accept-Language');
      res.json({
        query: params.data.q,
        locale,
        hits: hits.map((hit) => ({
          slug: hit.concept.slug,
          term: hit.concept.term[locale] ?? hit.concept.term.ko,
          score: hit.score,
          field: hit.field,
          snippet: hit.snippet,
        })),
      });
    } catch (error) {
      sendProblem(req, res, error);
    }
  };
}
