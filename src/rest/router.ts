import { Router, type Request, type Response } from 'express';
import type { Runtime } from '../runtime.js';
import type { Config } from '../config.js';
import { LOCALES } from '../domain/locale.js';
import { issuesFromZod, ValidationError } from '../errors.js';
import { applyCaching } from '../http/httpCaching.js';
import { authorize } from '../auth/permissions.js';
import { sendProblem } from './problem.js';
import { restContext } from './restContext.js';
import type { RestRoute } from './restRoute.js';
import { REST_ROUTES } from './routes.js';

/** `/v1/concepts/{slug}` (OpenAPI) → `/v1/concepts/:slug` (Express). */
function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function handler(route: RestRoute, config: Config, ready: Promise<Runtime>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const params = route.params
        ? route.params.safeParse(req.params)
        : { success: true as const, data: {} };
      if (!params.success) throw new ValidationError('Invalid path', issuesFromZod(params.error));
      const query = route.query.safeParse(req.query);
      if (!query.success)
        throw new ValidationError('Invalid query parameters', issuesFromZod(query.error));
      const named = route.localesOf?.(query.data);
      const ctx = await restContext(req, config, ready, named?.length === 1 ? named[0] : undefined);
      if (route.requires) authorize(ctx.viewer, route.requires, config.apiTokens.length > 0);
      const locales = named ?? [ctx.locale];
      const reads = route.readsEveryLocale ? LOCALES : locales;
      const fresh = applyCaching(
        req,
        res,
        {
          epoch: ctx.snapshot.epoch,
          // Public answers go by the public revision of the locales they read: editing drafts,
          // or text only another locale's readers see, keeps their validators.
          rev: ctx.snapshot.revisionFor(ctx.audience, reads),
          locales,
          reads,
          audience: ctx.audience,
          varyOnLanguage: named === undefined,
        },
        config.publicLifetimes,
      );
      if (fresh) {
        res.status(304).end();
        return;
      }
      res.json(route.handle(ctx, params.data, query.data));
    } catch (error) {
      res.removeHeader('ETag');
      res.removeHeader('Cache-Control');
      sendProblem(req, res, error);
    }
  };
}

/** The REST API: every route of REST_ROUTES, and the OpenAPI document. */
export function restRouter(config: Config, ready: Promise<Runtime>): Router {
  const router = Router();
  router.get('/v1/openapi.json', async (req, res) => {
    try {
      // The generator is loaded on the first request for the document, not at start-up.
      const { openApiDocument } = await import('./openapi.js');
      res.setHeader('Cache-Control', `public, max-age=${config.publicLifetimes.maxAge}`);
      res.json(openApiDocument());
    } catch (error) {
      sendProblem(req, res, error);
    }
  });
  for (const route of REST_ROUTES)
    router.get(expressPath(route.path), handler(route, config, ready));
  return router;
}
