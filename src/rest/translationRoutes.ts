import { pageSize } from '../content/pagination.js';
import { translatedEntry, translationQueue } from '../content/translationQueue.js';
import type { Entry } from '../content/entries.js';
import type { CollectionName } from '../domain/bundle.js';
import type { TranslationState } from '../domain/translation/translationState.js';
import { AppError, ErrorCode } from '../errors.js';
import { DOCUMENT_TYPES, presentTranslatedDocument } from '../present/presentTranslation.js';
import { route, type RestRoute } from './restRoute.js';
import * as s from './translationSchemas.js';

const COLLECTION_OF = Object.fromEntries(
  Object.entries(DOCUMENT_TYPES).map(([collection, type]) => [type, collection]),
) as Record<(typeof DOCUMENT_TYPES)[CollectionName], CollectionName>;

/**
 * The translators' REST routes (editors and admins, with the bearer token): the queue of
 * documents whose English is not CURRENT, and one document's translation state. The same
 * read model and queue as GraphQL's translationQueue and translationStatus.
 */
export const TRANSLATION_ROUTES: RestRoute[] = [
  route({
    path: '/v1/translations',
    summary:
      'Documents whose English is not CURRENT, oldest Korean change first (editors and admins)',
    query: s.translationQueueQuery,
    response: s.translationQueueSchema,
    requires: 'translate',
    localesOf: () => ['en'],
    handle: (ctx, _params, query) => {
      const page = translationQueue(
        ctx.snapshot.documents,
        {
          states: query.state?.split(',').map((state) => state.toUpperCase() as TranslationState),
          collection: query.type ? COLLECTION_OF[query.type] : null,
        },
        {
          first: pageSize(query.limit, 'limit'),
          after: query.cursor,
          afterArgument: 'cursor',
        },
      );
      return {
        items: page.items.map((item) => presentTranslatedDocument(item, 'en')),
        totalCount: page.totalCount,
        nextCursor: page.hasNextPage ? (page.cursors.at(-1) ?? null) : null,
      };
    },
  }),
  route({
    path: '/v1/translations/{type}/{id}',
    summary: "One document's translation state, text by text (editors and admins)",
    params: s.translationParams,
    query: s.translationStatusQuery,
    response: s.translatedDocumentSchema,
    requires: 'translate',
    localesOf: () => ['en'],
    handle: (ctx, params, query) => {
      const collection = COLLECTION_OF[params.type];
      const entry = (ctx.snapshot.documents[collection] as ReadonlyMap<string, Entry<object>>).get(
        params.id,
      );
      if (!entry) {
        throw new AppError(ErrorCode.NOT_FOUND, `There is no ${params.type} "${params.id}".`, [
          { path: ['id'], message: `no such ${params.type}` },
        ]);
      }
      return presentTranslatedDocument(
        translatedEntry(collection, params.id, entry),
        'en',
        query.all === 'true',
      );
    },
  }),
];
