import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import type { Config } from './config.js';
import { ContentCache } from './content/contentCache.js';
import { ErrorCode } from './errors.js';
import type { GraphQLContext } from './graphql/context.js';
import { createGraphQLServer } from './graphql/createGraphQLServer.js';
import { LocaleFallbackRecorder } from './graphql/localeFallbacks.js';
import { jsonErrorHandler, notFoundHandler } from './http/errorHandlers.js';
import { graphqlRequestGuard } from './http/graphqlRequestGuard.js';
import { healthRoute } from './http/healthRoute.js';
import { GRAPHQL_PATH } from './http/httpErrors.js';
import { negotiateLocale } from './http/negotiateLocale.js';
import { importSeed } from './seed/importSeed.js';
import type { ContentStore } from './store/contentStore.js';
import { MemoryStore } from './store/memoryStore.js';

/** A wired API instance. */
export interface Api {
  /** The Express app the function serves. */
  app: Express;
  /** Resolves once the store holds content (the memory store is seeded); rejects if it cannot. */
  ready: Promise<void>;
  store: ContentStore;
  cache: ContentCache;
  /** Stops the GraphQL server and releases the store. */
  close(): Promise<void>;
}

/** Wiring options, mainly for tests: a pre-filled store replaces seeding from `config.seedDir`. */
export interface ApiOptions {
  store?: ContentStore;
}

/**
 * Wires one API instance: config → store → content cache → GraphQL and HTTP routes.
 * Nothing here awaits: the store is seeded and Apollo started in the background, and requests
 * wait for `ready`, so the function's cold start stays short.
 */
export function createApi(config: Config, options: ApiOptions = {}): Api {
  const store = options.store ?? new MemoryStore();
  const ready = options.store
    ? Promise.resolve()
    : importSeed(store, config.seedDir).then(() => undefined);
  ready.catch(() => undefined); // observed by the caller; avoid an unhandled rejection here
  const cache = new ContentCache(store, { ttlMs: config.contentTtlMs });
  const graphql = createGraphQLServer(config);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const health = healthRoute(store, cache);
  app.get('/healthz', async (req, res) => {
    await ready.catch(() => undefined);
    return health(req, res);
  });

  app.use(
    GRAPHQL_PATH,
    graphqlRequestGuard,
    expressMiddleware(graphql, {
      context: async ({ req }): Promise<GraphQLContext> => {
        const snapshot = await ready
          .then(() => cache.current())
          .catch(() => {
            throw new GraphQLError('Content is not available right now; retry shortly.', {
              extensions: { code: ErrorCode.UNAVAILABLE, http: { status: 503 } },
            });
          });
        return {
          snapshot,
          index: snapshot.index('public'),
          defaultLocale: negotiateLocale(req.headers['accept-language']),
          fallbacks: new LocaleFallbackRecorder(),
        };
      },
    }),
  );

  app.use(notFoundHandler);
  app.use(jsonErrorHandler);

  return {
    app,
    ready,
    store,
    cache,
    close: async () => {
      await graphql.stop();
      await store.close();
    },
  };
}
