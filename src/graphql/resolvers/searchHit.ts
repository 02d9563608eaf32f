import type { SearchHit } from '../../search/searchConcepts.js';
import { view } from '../context.js';
import type { ViewResolvers } from './fieldHelpers.js';

/** A search result. */
export const searchHitResolvers = {
  concept: ({ item, locale }) => view(item.concept, locale),
  score: ({ item }) => item.score,
  field: ({ item }) => item.field,
  snippet: ({ item, locale }, _, ctx, info) => {
    if (item.snippetFellBack) ctx.fallbacks.record(info, locale);
    return item.snippet;
  },
} satisfies ViewResolvers<SearchHit>;
