import { conceptPage } from '../content/conceptPage.js';
import { relatedConcepts } from '../content/graph.js';
import { LOCALES, type Locale } from '../domain/locale.js';
import { lessonBundle } from '../delivery/lessonBundle.js';
import { AppError, ErrorCode } from '../errors.js';
import { presentConcept, presentConceptItem } from '../present/presentConcept.js';
import { Localizer } from '../present/localizer.js';
import { presentLesson, presentLessonItem } from '../present/presentLesson.js';
import { searchConcepts } from '../search/searchConcepts.js';
import { changePage } from '../sync/changePage.js';
import { presentChanges } from '../sync/presentChanges.js';
import { route, type RestRoute } from './restRoute.js';
import * as s from './schemas.js';
import { TRANSLATION_ROUTES } from './translationRoutes.js';

function notFound(what: string, slug: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `There is no ${what} "${slug}".`, [
    { path: ['slug'], message: `no such ${what}` },
  ]);
}

const byLocale = (query: { locale?: Locale | undefined }) =>
  query.locale === undefined ? undefined : [query.locale];

// A bundle's `locales` parameter (validated by bundleQuery: ko, en, or both), ko,en by default.
const bundleLocales = (query: { locales?: string | undefined }): readonly Locale[] =>
  LOCALES.filter((locale) => (query.locales ?? 'ko,en').split(',').includes(locale));

/**
 * Every REST route under /v1. The handlers call the same read model and services as the
 * GraphQL resolvers (pagination, graph walks, search, bundles, sync) and present JSON.
 */
export const REST_ROUTES: RestRoute[] = [
  route({
    path: '/v1/concepts',
    summary: 'Concepts in listing order (category order, then slug), forward-paginated',
    query: s.conceptListQuery,
    response: s.conceptPageSchema,
    localesOf: byLocale,
    handle: (ctx, _params, query) => {
      const page = conceptPage(ctx.index, query.category, {
        first: query.limit,
        after: query.cursor,
        names: { first: 'limit', after: 'cursor' },
      });
      return {
        totalCount: page.totalCount,
        items: page.items.map((concept) =>
          presentConceptItem(concept, ctx.locale, ctx.index.outdated),
        ),
        nextCursor: page.hasNextPage ? (page.cursors.at(-1) ?? null) : null,
      };
    },
  }),
  route({
    path: '/v1/concepts/{slug}',
    summary: 'One concept, every field, relations resolved',
    params: s.slugParams,
    query: s.localeQuery,
    response: s.conceptSchema,
    localesOf: byLocale,
    handle: (ctx, params) => {
      const concept = ctx.index.concept(params.slug);
      if (!concept) throw notFound('concept', params.slug);
      return presentConcept(ctx.index, concept, ctx.locale);
    },
  }),
  route({
    path: '/v1/concepts/{slug}/related',
    summary: 'Concepts within `depth` hops (1 to 3) in either direction, nearest first',
    params: s.slugParams,
    query: s.relatedQuery,
    response: s.relatedSchema,
    localesOf: byLocale,
    handle: (ctx, params, query) => {
      if (!ctx.index.concept(params.slug)) throw notFound('concept', params.slug);
      const depth = query.depth ?? 1;
      return {
        slug: params.slug,
        depth,
        items: relatedConcepts(ctx.index, params.slug, depth).map((c) =>
          presentConceptItem(c, ctx.locale, ctx.index.outdated),
        ),
      };
    },
  }),
  route({
    path: '/v1/search',
    summary: 'Search concepts in Korean and English',
    query: s.searchQuery,
    response: s.searchResultSchema,
    localesOf: byLocale,
    readsEveryLocale: true,
    handle: (ctx, _params, query) => ({
      query: query.q,
      locale: ctx.locale,
      hits: searchConcepts(ctx.index, ctx.snapshot.search, query.q, {
        first: query.first,
        locale: ctx.locale,
      }).map((hit) => {
        const t = new Localizer(ctx.locale, ctx.index.outdated);
        if (hit.snippetFellBack) t.fallbacks.push('snippet');
        return t.withFallbacks({
          slug: hit.concept.slug,
          term: t.text(hit.concept.term, 'term'),
          score: hit.score,
          field: hit.field,
          snippet: hit.snippet,
        });
      }),
    }),
  }),
  route({
    path: '/v1/lessons',
    summary: 'All lessons in course order',
    query: s.localeQuery,
    response: s.lessonListSchema,
    localesOf: byLocale,
    handle: (ctx) => ({
      items: ctx.index.lessons.map((lesson) =>
        presentLessonItem(lesson, ctx.locale, ctx.index.outdated),
      ),
    }),
  }),
  route({
    path: '/v1/lessons/{slug}',
    summary: 'One lesson as sections of structured blocks',
    params: s.slugParams,
    query: s.localeQuery,
    response: s.lessonSchema,
    localesOf: byLocale,
    handle: (ctx, params) => {
      const lesson = ctx.index.lesson(params.slug);
      if (!lesson) throw notFound('lesson', params.slug);
      return presentLesson(lesson, ctx.locale, ctx.index.outdated);
    },
  }),
  route({
    path: '/v1/lessons/{slug}/bundle',
    summary: 'A lesson with every concept, relation and comparison it uses, for offline use',
    params: s.slugParams,
    query: s.bundleQuery,
    response: s.bundleSchema,
    // The bundle names its locales itself: one answer per URL, whatever Accept-Language says.
    localesOf: bundleLocales,
    handle: (ctx, params, query) =>
      lessonBundle(ctx.snapshot, ctx.audience, params.slug, bundleLocales(query)),
  }),
  route({
    path: '/v1/sync',
    summary:
      "What changed for readers of the answer's locale since a sync token (upserts and deletions), paged; no token: a full sync",
    query: s.syncQuery,
    response: s.changeSetSchema,
    localesOf: byLocale,
    // The page holds one locale: only what changed for its readers is sent (see changePage).
    handle: (ctx, _params, query) =>
      presentChanges(
        ctx.index,
        changePage(ctx.snapshot, ctx.audience, query.since, query.first, ctx.locale),
        ctx.locale,
      ),
  }),
  ...TRANSLATION_ROUTES,
];
