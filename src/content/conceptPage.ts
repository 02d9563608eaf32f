import type { Concept } from '../domain/concept.js';
import { compareKeys, conceptSortKeySchema, type ContentIndex } from './contentIndex.js';
import type { Entry } from './entries.js';
import { pageSize, paginate, type Page } from './pagination.js';

/** How a request names the page size and the cursor (GraphQL `first`/`after`, REST `limit`/`cursor`). */
export interface PageArguments {
  first: number | null | undefined;
  after: string | null | undefined;
  names: { first: string; after: string };
}

/**
 * One page of the concepts in listing order (category order, then slug), optionally of one
 * category: what GraphQL's `concepts` and REST's `/v1/concepts` both serve. Bad arguments are
 * reported under the names the request used.
 */
export function conceptPage(
  index: ContentIndex,
  category: string | undefined,
  request: PageArguments,
): Page<Entry<Concept>> {
  return paginate(
    index.conceptsIn(category),
    {
      first: pageSize(request.first, request.names.first),
      after: request.after,
      afterArgument: request.names.after,
    },
    (concept) => index.sortKey(concept),
    compareKeys,
    conceptSortKeySchema,
  );
}
