import { expressMiddleware } from '@as-integrations/express5';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type Request, type Response } from 'express';
import type { Config } from './config.js';
import { ReadModel } from './content/readModel.js';
import { createGraphQLServer } from './graphql/createGraphQLServer.js';
import { jsonErrorHandler, notFoundHandler } from './http/errorHandlers.js';
import { bodyLimit, bodyLimitPolicy } from './http/bodyLimit.js';
import { compressResponses } from './http/compressResponses.js';
import { corsPolicy } from './http/corsPolicy.js';
import { graphqlRequestGuard, type TrustedOnly } from './graphql/graphqlRequestGuard.js';
import { loadTrustedDocuments } from './graphql/trustedDocuments.js';
import { graphqlRequestContext } from './graphql/requestContext.js';
import { graphqlFrontDoor } from './graphql/fastPath/graphqlFrontDoor.js';
import {
  bindFrontDoor,
  bindLiveDoor,
  installFrameworkErrorGuard,
  serverOf,
} from './http/frameworkErrorGuard.js';
import { healthRoute } from './http/healthRoute.js';
import { mergeVary } from './http/mergeVary.js';
import { ResponseCache } from './http/responseCache/responseCache.js';
import { responseCacheMiddleware } from './http/responseCache/responseCacheMiddleware.js';
import { GRAPHQL_PATH } from './http/httpErrors.js';
import { adminConsole } from './http/adminConsole.js';
import { EXPLORER_ASSETS_PATH, graphqlExplorer } from './http/graphqlExplorer.js';
import { answerAsOrigin } from './http/originFreshness.js';
import { requestViewer } from './http/requestViewer.js';
import { restRouter } from './rest/router.js';
import { seedMemoryStore } from './seed/seedMemoryStore.js';
import type { ContentStore } from './store/contentStore.js';
import { openStore } from './store/openStore.js';
import { MemoryStore } from './store/memoryStore.js';
import type { Runtime } from './runtime.js';
import { createPublisher } from './events/createPublisher.js';
import { relayOutbox } from './events/relay.js';
import { RelayRunner } from './events/relayRunner.js';
import { logger } from './observability/logger.js';
import { NotifyingStore } from './store/notifyingStore.js';
import { openWebhookStore } from './webhooks/openWebhookStore.js';
import { LazyWebhooks, type LoadedWebhooks } from './webhooks/lazyWebhooks.js';
import { InProcessRetries } from './webhooks/inProcessRetries.js';
import { eventPosition } from './domain/changeEvent.js';
import type { WebhookStore } from './webhooks/webhookStore.js';

/** A wired API instance. */
export interface Api {
  /** The Express app behind the function (it only fills the response cache: `handler` reads it). */
  app: Express;
  /** The function to register: answers response-cache hits up front, else runs `app`. */
  handler: (req: Request, res: Response) => void;
  /**
   * Answers a request from the response cache if it holds the answer (true), on the plain Node
   * request: what `handler` binds to the process's front door (see bindFrontDoor).
   */
  answerFromCache: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Resolves once the store is open and holds content (the memory store is seeded). */
  ready: Promise<Runtime>;
  /** Stops the GraphQL server and releases the store. */
  close(): Promise<void>;
}

/** Wiring options, mainly for tests: a given store replaces the configured one (and seeding). */
export interface ApiOptions {
  store?: ContentStore;
  /** Replaces the configured webhook store (memory, or Firestore with STORE=firestore). */
  webhookStore?: WebhookStore;
  /** The clock of webhook deliveries (tests move it to make retries due). */
  clock?: () => Date;
  /**
   * False: no relay run after commits or at start (tests that count a store's every read, where
   * the relay's background reads of the outbox would be counted too; the relay has its own).
   */
  relayEvents?: boolean;
}

/**
 * Starts one API in this process, as the production entry and the tests' HTTP helper both do:
 * the framework guard (the request log, this API's body limit; the response cache's front door
 * binds itself on the first request) and the API itself. Registering its `handler` with the
 * functions framework is the caller's.
 */
export function startApi(config: Config, options: ApiOptions = {}): Api {
  installFrameworkErrorGuard({
    bodyLimit: bodyLimitPolicy(config),
    requestLog: { ...(config.logging.projectId ? { projectId: config.logging.projectId } : {}) },
  });
  return createApi(config, options);
}

/**
 * Wires one API instance: config → store → read model → GraphQL and HTTP routes.
 * Nothing here awaits: the store is opened (the memory store seeded) and Apollo started in the
 * background, and requests wait for `ready`, so the function's cold start stays short.
 */
export function createApi(config: Config, options: ApiOptions = {}): Api {
  const ready = openRuntime(config, options);
  ready.catch(() => undefined); // observed by the caller; avoid an unhandled rejection here
  const graphql = createGraphQLServer(config);

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers get a strong ETag from their body (and a 304 for a GET whose If-None-Match
  // matches); REST routes set their own, cheaper, revision-based ETag before building anything.
  app.set('etag', 'strong');
  // We are the origin: a matching If-None-Match is a 304 even with `Cache-Control: no-cache`.
  answerAsOrigin(app);
  // Public answers are kept per content revision: `handler` answers hits before this app runs,
  // the app's `capture` keeps what it answers when it may be kept.
  const cors = corsPolicy(config);
  const responseCache =
    config.responseCacheBytes > 0
      ? responseCacheMiddleware(
          new ResponseCache(config.responseCacheBytes),
          ready.then((runtime) => runtime.readModel),
          cors,
        )
      : undefined;
  app.use(cors);
  app.use(bodyLimit(bodyLimitPolicy(config)));
  app.use(compressResponses());
  // The console is static files with their own caching: before the response cache's capture.
  app.use('/admin', adminConsole());
  // GraphiQL for a browser that opens /graphql (GRAPHQL_EXPLORER): static, like the console.
  const explorer = config.explorer ? graphqlExplorer() : undefined;
  if (explorer) {
    app.use(EXPLORER_ASSETS_PATH, explorer.assets);
    app.use(GRAPHQL_PATH, explorer.page);
  }
  if (responseCache) app.use(responseCache.capture);

  app.get(
    '/healthz',
    healthRoute(config.store, ready, (req) => requestViewer(req, config.apiTokens)),
  );
  app.use(restRouter(config, ready));

  const context = graphqlRequestContext(config, ready);
  const trusted = trustedOnly(config);
  app.use(
    GRAPHQL_PATH,
    graphqlRequestGuard({ maxTokens: config.queryLimits.tokens, ...(trusted ? { trusted } : {}) }),
    // Apollo sets its Vary with setHeader; only this route needs it merged.
    mergeVary,
    expressMiddleware(graphql, { context }),
  );

  app.use(notFoundHandler);
  app.use(jsonErrorHandler);

  const answerFromCache = (req: IncomingMessage, res: ServerResponse): boolean =>
    responseCache?.front(req, res) ?? false;
  const searchIndex = searchIndexBuilder(ready);
  // The GraphQL route's fast answers, made at the process's door with the app's own parts.
  const liveDoor = graphqlFrontDoor({
    graphql,
    context,
    cached: answerFromCache,
    beforeAnswer: (res) => searchIndex.afterAnswer(res as Response),
    bodyLimit: bodyLimitPolicy(config),
    maxTokens: config.queryLimits.tokens,
    ...(trusted ? { trusted } : {}),
    middleware: [cors, compressResponses(), ...(responseCache ? [responseCache.capture] : [])],
  });
  let frontDoor: object | undefined;
  return {
    app,
    handler: (req, res) => {
      // The server this request came through: from now on its cached GETs and fast GraphQL
      // answers may be made at the process's door (the framework guard), before the
      // framework's own middleware runs.
      const server = serverOf(req);
      if (server && server !== frontDoor) {
        if (responseCache) bindFrontDoor(server, answerFromCache);
        if (liveDoor) bindLiveDoor(server, liveDoor);
        frontDoor = server;
      }
      searchIndex.afterAnswer(res);
      if (answerFromCache(req, res)) return;
      app(req, res);
    },
    answerFromCache,
    ready,
    close: async () => {
      await graphql.stop();
      const runtime = await ready.catch(() => undefined);
      await runtime?.close();
    },
  };
}

// Opens the store (seeding the embedded one from seed/) and builds the cache that follows it,
// then the change events: webhooks (loaded on first use), the relay that publishes the outbox
// (nudged after every commit through this instance, and run once after the start for whatever
// an instance that died after its commit left behind) and, without Pub/Sub, the in-process
// retries.
async function openRuntime(config: Config, options: ApiOptions): Promise<Runtime> {
  const content = options.store ?? (await openStore(config));
  if (!options.store && config.store === 'memory' && content instanceof MemoryStore) {
    // A production instance serves the course its build compiled (see SeedLoadOptions).
    await seedMemoryStore(content, config.seedDir, undefined, { trustBuild: config.production });
  }
  const webhooks = new LazyWebhooks(() => loadWebhooks(config, options, content));
  const publisher = await createPublisher(config.events, webhooks);
  const relay = new RelayRunner(() =>
    relayOutbox(content, publisher, { batchSize: config.events.relayBatchSize }),
  );
  const relaying = options.relayEvents ?? true;
  const store = relaying ? new NotifyingStore(content, () => relay.nudge()) : content;
  const retries = new InProcessRetries(webhooks, RETRY_TICK_MS);
  if (config.events.mode === 'embedded') {
    // Retries can only be due once a delivery was made, that is once the webhooks are loaded.
    webhooks.onLoaded(() => {
      retries.start();
    });
  }
  let startup: NodeJS.Timeout | undefined;
  if (!options.store && config.store === 'memory') {
    // The course this process just imported is news to no one: webhooks of the memory store
    // live in this process and there are none yet. Marked relayed instead of dispatched.
    await content.markRelayed(eventPosition(await content.readRevision(), LAST_INDEX));
  } else if (relaying) {
    // Once the start is over (never competing with the first requests): publish what an
    // instance that died after its commit left in the outbox and, without Pub/Sub, take up the
    // retries kept in the store.
    startup = setTimeout(() => {
      relay.nudge();
      if (config.events.mode === 'embedded') void webhooks.deliverDue().catch(() => undefined);
    }, STARTUP_RELAY_DELAY_MS);
    startup.unref();
  }
  return {
    store,
    readModel: new ReadModel(store, { ttlMs: config.contentTtlMs }),
    webhooks,
    relay,
    close: async () => {
      clearTimeout(startup);
      await retries.stop();
      await relay.idle();
      await publisher.close();
      await webhooks.close();
      await store.close();
    },
  };
}

// The served revision's search index is built in the background after an answer, never before
// the first one: the first requests of a cold start (or after a reload) are not slowed by it,
// and searches before it is built are answered by a scan (see SearchIndex). Later revisions make
// theirs from it as they arrive. Costs a listener per request only until it is built (a build
// that failed is logged once and not retried: the scan keeps answering).
function searchIndexBuilder(ready: Promise<Runtime>): { afterAnswer(res: Response): void } {
  let runtime: Runtime | undefined;
  ready.then((r) => (runtime = r)).catch(() => undefined);
  const needsBuild = () => {
    const search = runtime?.readModel.peek()?.search;
    return search === undefined || !(search.isBuilt || search.isBuilding);
  };
  const build = () => {
    const search = runtime?.readModel.peek()?.search;
    if (!search || search.isBuilt || search.isBuilding) return;
    search
      .buildInBackground()
      .catch((error: unknown) =>
        logger().error({ err: error }, 'building the search index failed'),
      );
  };
  return {
    afterAnswer: (res) => {
      if (needsBuild()) res.once('finish', build);
    },
  };
}

const STARTUP_RELAY_DELAY_MS = 1000;
// With Pub/Sub, the delivery function waits for the schedule's first retry (5 s) itself: the
// scheduler's deliverDue ticks only every minute.
const SHORT_RETRY_WAIT_MS = 10_000;
// The highest write index of a commit's events: marks a whole revision relayed.
const LAST_INDEX = 999_999;

// The webhooks and their store (beside the content on Firestore, else in memory), loaded on
// first use (see LazyWebhooks).
async function loadWebhooks(
  config: Config,
  options: ApiOptions,
  content: ContentStore,
): Promise<LoadedWebhooks> {
  const [{ Webhooks }, webhookStore] = await Promise.all([
    import('./webhooks/webhooks.js'),
    options.webhookStore ??
      openWebhookStore({
        ...(config.store === 'firestore' && config.firestore
          ? { firestore: config.firestore }
          : {}),
        timeoutMs: config.storeTimeoutMs,
      }),
  ]);
  const webhooks = new Webhooks({
    webhookStore,
    contentStore: content,
    sendPolicy: config.webhooks,
    attemptsInBackground: config.events.mode === 'embedded',
    shortRetryWaitMs: config.events.mode === 'pubsub' ? SHORT_RETRY_WAIT_MS : 0,
    ...(options.clock ? { clock: options.clock } : {}),
    logger: logger(),
  });
  return {
    webhooks,
    close: async () => {
      await webhooks.idle();
      await webhookStore.close?.();
    },
  };
}

// How often the embedded mode looks for due retries (the scheduler's `deliverDue` does it with
// Pub/Sub): the schedule's first retry is 5 s after the first attempt.
const RETRY_TICK_MS = 1000;

// PERSISTED_DOCUMENTS_ONLY: the manifest is read at start, and a missing or malformed one stops
// it (a deployment that meant to run only its clients' documents must not run any).
function trustedOnly(config: Config): TrustedOnly | undefined {
  const { only, file } = config.persistedDocuments;
  if (!only) return undefined;
  let documents;
  try {
    documents = loadTrustedDocuments(file);
  } catch (error) {
    throw new Error(
      `PERSISTED_DOCUMENTS_ONLY is on, but the manifest ${file} cannot be used: ${(error as Error).message}`,
    );
  }
  return {
    documents,
    exempt: (req) => {
      try {
        return requestViewer(req, config.apiTokens).role !== 'anonymous';
      } catch {
        return true; // a bad token: answered UNAUTHENTICATED, as without this mode
      }
    },
  };
}
