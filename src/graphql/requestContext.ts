import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { canPreview } from '../auth/viewer.js';
import type { Config } from '../config.js';
import { AppError, contentUnavailable, HTTP_STATUS } from '../errors.js';
import { challengeHeaders } from '../http/httpErrors.js';
import { negotiateLocale } from '../http/negotiateLocale.js';
import { localesRead } from '../http/responseCache/localesRead.js';
import { requestViewer } from '../http/requestViewer.js';
import { recordOf } from '../observability/requestLog.js';
import type { Runtime } from '../runtime.js';
import type { GraphQLContext } from './context.js';
import { wasDeclined } from './fastPath/declinedRequests.js';
import { LocaleFallbackRecorder } from './localeFallbacks.js';

/**
 * Apollo's `context` function: one request's viewer (authenticated once, see requestViewer),
 * audience, locale and access to the read model and the store. The snapshot is read once the
 * operation is parsed and validated (see snapshotPlugin): a refused query costs no store work.
 */
export function graphqlRequestContext(config: Config, ready: Promise<Runtime>) {
  return async ({ req }: { req: Request }): Promise<GraphQLContext> => {
    const log = recordOf(req);
    const viewer = asGraphQLErrors(() => requestViewer(req, config.apiTokens));
    log.viewer = viewer.role;
    const runtime = await ready.catch(() => {
      throw toGraphQLError(contentUnavailable());
    });
    const audience = canPreview(viewer) ? 'preview' : 'public';
    return {
      snapshot: undefined as unknown as GraphQLContext['snapshot'],
      index: undefined as unknown as GraphQLContext['index'],
      // Methods on `this`, not closures: Apollo hands resolvers a shallow copy of the context.
      async loadSnapshot(this: GraphQLContext) {
        this.snapshot = await runtime.readModel.current().catch(() => {
          throw toGraphQLError(contentUnavailable());
        });
        this.index = this.snapshot.index(audience);
        this.fallbacks.readFrom(this.index);
      },
      audience,
      viewer,
      edit: {
        store: runtime.store,
        readModel: runtime.readModel,
        writable: config.apiTokens.length > 0,
      },
      ...(runtime.webhooks ? { webhooks: runtime.webhooks } : {}),
      defaultLocale: negotiateLocale(req.headers['accept-language']),
      // The request's own set, which the response cache reads when it keeps the answer.
      localesRead: localesRead(req),
      fallbacks: new LocaleFallbackRecorder(),
      log,
      ...(wasDeclined(req) ? { fastPathDeclined: true } : {}),
      async adoptLatest(this: GraphQLContext) {
        this.snapshot = await runtime.readModel.current();
        this.index = this.snapshot.index(audience);
        this.fallbacks.readFrom(this.index);
      },
    };
  };
}

// Errors of context creation must be GraphQLErrors to keep their code and HTTP status.
function asGraphQLErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError) throw toGraphQLError(error);
    throw error;
  }
}

function toGraphQLError(error: AppError): GraphQLError {
  const status = HTTP_STATUS[error.code];
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      http: { status, headers: challengeHeaders(status) },
    },
  });
}
