import { authoredTable, compareConcepts } from '../../content/compare.js';
import { allowedActions } from '../../auth/permissions.js';
import { conceptPage } from '../../content/conceptPage.js';
import { shortestPath } from '../../content/graph.js';
import { LOCALES, type Locale } from '../../domain/locale.js';
import { RELATION_KINDS } from '../../domain/relationKinds.js';
import { searchConcepts } from '../../search/searchConcepts.js';
import { lessonBundle } from '../../delivery/lessonBundle.js';
import { changePage } from '../../sync/changePage.js';
import { rootLocale, view, type GraphQLContext } from '../context.js';

type LocaleArgs = { locale?: Locale | null };

/** Root query fields: thin lookups into the request's content index. */
export const queryResolvers = {
  viewer: (_: unknown, _args: unknown, ctx: GraphQLContext) => ({
    role: ctx.viewer.role,
    permissions: allowedActions(ctx.viewer, ctx.edit.writable),
  }),
  concept: (_: unknown, args: { slug: string } & LocaleArgs, ctx: GraphQLContext) => {
    const concept = ctx.index.concept(args.slug);
    return concept ? view(concept, rootLocale(args, ctx)) : null;
  },

  concepts: (
    _: unknown,
    args: { category?: string | null; first?: number | null; after?: string | null } & LocaleArgs,
    ctx: GraphQLContext,
  ) => {
    const locale = rootLocale(args, ctx);
    const page = conceptPage(ctx.index, args.category ?? undefined, {
      first: args.first,
      after: args.after,
      names: { first: 'first', after: 'after' },
    });
    return {
      totalCount: page.totalCount,
      edges: page.items.map((concept, i) => ({
        cursor: page.cursors[i],
        node: view(concept, locale),
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      },
    };
  },

  search: (
    _: unknown,
    args: { query: string; first?: number | null } & LocaleArgs,
    ctx: GraphQLContext,
  ) => {
    const locale = rootLocale(args, ctx);
    // A search matches text in every locale: its answer changes with any of them.
    for (const read of LOCALES) ctx.localesRead.add(read);
    return searchConcepts(ctx.index, ctx.snapshot.search, args.query, {
      first: args.first,
      locale,
    }).map((hit) => view(hit, locale));
  },

  categories: (_: unknown, args: LocaleArgs, ctx: GraphQLContext) =>
    ctx.index.categories.map((category) => view(category, rootLocale(args, ctx))),

  category: (_: unknown, args: { slug: string } & LocaleArgs, ctx: GraphQLContext) => {
    const category = ctx.index.category(args.slug);
    return category ? view(category, rootLocale(args, ctx)) : null;
  },

  lesson: (_: unknown, args: { slug: string } & LocaleArgs, ctx: GraphQLContext) => {
    const lesson = ctx.index.lesson(args.slug);
    return lesson ? view(lesson, rootLocale(args, ctx)) : null;
  },

  lessons: (_: unknown, args: LocaleArgs, ctx: GraphQLContext) =>
    ctx.index.lessons.map((lesson) => view(lesson, rootLocale(args, ctx))),

  compare: (_: unknown, args: { slugs: string[] } & LocaleArgs, ctx: GraphQLContext) =>
    view(compareConcepts(ctx.index, args.slugs), rootLocale(args, ctx)),

  comparison: (_: unknown, args: { slug: string } & LocaleArgs, ctx: GraphQLContext) => {
    const comparison = ctx.index.comparison(args.slug);
    return comparison ? view(authoredTable(ctx.index, comparison), rootLocale(args, ctx)) : null;
  },

  comparisons: (_: unknown, args: LocaleArgs, ctx: GraphQLContext) =>
    ctx.index.comparisons.map((c) => view(authoredTable(ctx.index, c), rootLocale(args, ctx))),

  path: (_: unknown, args: { from: string; to: string } & LocaleArgs, ctx: GraphQLContext) => {
    const hops = shortestPath(ctx.index, args.from, args.to);
    const locale = rootLocale(args, ctx);
    return hops?.map((hop) => view(hop, locale)) ?? null;
  },

  glossary: (_: unknown, args: LocaleArgs, ctx: GraphQLContext) => {
    const locale = rootLocale(args, ctx);
    return ctx.index.glossary(locale).map((group) => view(group, locale));
  },

  lessonBundle: (
    _: unknown,
    args: { slug: string; locales?: Locale[] | null },
    ctx: GraphQLContext,
  ) => {
    if (!ctx.index.lesson(args.slug)) return null;
    const locales = args.locales?.length ? [...new Set(args.locales)] : (['ko', 'en'] as Locale[]);
    for (const locale of locales) ctx.localesRead.add(locale);
    return lessonBundle(ctx.snapshot, ctx.audience, args.slug, locales);
  },

  changes: (
    _: unknown,
    args: { since?: string | null; first?: number | null } & LocaleArgs,
    ctx: GraphQLContext,
  ) => {
    // The page is served in one locale: only what changed for its readers is sent.
    const locale = rootLocale(args, ctx);
    return view(changePage(ctx.snapshot, ctx.audience, args.since, args.first, locale), locale);
  },

  relationKinds: (_: unknown, args: LocaleArgs, ctx: GraphQLContext) =>
    RELATION_KINDS.map((kind) => view(kind, rootLocale(args, ctx))),
};
