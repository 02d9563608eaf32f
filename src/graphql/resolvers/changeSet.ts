import { authoredTable } from '../../content/compare.js';
import type { ChangePage } from '../../sync/changePage.js';
import { view } from '../context.js';
import type { ViewResolvers } from './fieldHelpers.js';

/** A page of changes; relations are seen from their `from` concept. */
export const changeSetResolvers = {
  token: ({ item }) => item.token,
  hasMore: ({ item }) => item.hasMore,
  categories: ({ item, locale }) => item.categories.map((c) => view(c, locale)),
  concepts: ({ item, locale }) => item.concepts.map((c) => view(c, locale)),
  relations: ({ item, locale }) =>
    item.relations.map((relation) =>
      view({ relation, direction: 'OUTGOING' as const, other: relation.to }, locale),
    ),
  comparisons: ({ item, locale }, _, ctx) =>
    item.comparisons.map((c) => view(authoredTable(ctx.index, c), locale)),
  lessons: ({ item, locale }) => item.lessons.map((l) => view(l, locale)),
  deleted: ({ item }) => item.deleted.map((d) => ({ type: d.type, slug: d.id })),
} satisfies ViewResolvers<ChangePage>;
