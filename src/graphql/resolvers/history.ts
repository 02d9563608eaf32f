import { entryOf } from '../../content/entries.js';
import type { Locale } from '../../domain/locale.js';
import { conceptHistory } from '../../editing/history.js';
import type { StoredDocument } from '../../store/contentStore.js';
import { rootLocale, view, type GraphQLContext } from '../context.js';
import type { ViewResolvers } from './fieldHelpers.js';

/** `Query.conceptHistory` (admin). */
export function conceptHistoryResolver(
  _: unknown,
  args: { slug: string; limit?: number | null; locale?: Locale | null },
  ctx: GraphQLContext,
) {
  const locale = rootLocale(args, ctx);
  return conceptHistory(ctx.edit, ctx.viewer, args.slug, args.limit ?? 10).then((versions) =>
    versions.map((version) => view(version, locale)),
  );
}

/** One version of a concept; its `concept` shows the data as it was at that version. */
export const conceptVersionResolvers = {
  version: ({ item }) => item.version,
  rev: ({ item }) => item.rev,
  updatedAt: ({ item }) => item.updatedAt,
  updatedBy: ({ item }) => item.updatedBy ?? null,
  deleted: ({ item }) => item.deleted,
  translationEvents: ({ item }) => item.translationEvents ?? [],
  data: ({ item }) => (item.deleted ? null : item.data),
  concept: ({ item, locale }) => {
    if (item.deleted) return null;
    return view(entryOf(item.data, item), locale);
  },
} satisfies ViewResolvers<StoredDocument<'concepts'>>;
