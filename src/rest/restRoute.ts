import type { z } from 'zod';
import type { Action } from '../auth/permissions.js';
import type { Locale } from '../domain/locale.js';
import type { RestContext } from './restContext.js';

/** A REST route: its path (OpenAPI style), its inputs and answer as zod schemas, its handler. */
export interface RestRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  path: string;
  summary: string;
  params?: P;
  query: Q;
  response: z.ZodType;
  /**
   * The locales the answer is in when a parameter names them (one for most routes, one or both
   * for a bundle); undefined: Accept-Language decides, and the answer varies on it.
   */
  localesOf?: (query: z.infer<Q>) => readonly Locale[] | undefined;
  /**
   * True when the answer reads every locale's text whatever locale it is served in (a search
   * matches Korean and English): it then changes with every locale's revision, not only its own.
   */
  readsEveryLocale?: boolean;
  /** What the viewer must be allowed (editor-only routes need the bearer token); absent: anyone. */
  requires?: Action;
  handle(ctx: RestContext, params: z.infer<P>, query: z.infer<Q>): unknown;
}

/** Declares a route, keeping its schemas' types for its handler. */
export function route<P extends z.ZodType, Q extends z.ZodType>(
  definition: RestRoute<P, Q>,
): RestRoute {
  return definition;
}
