import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import typeis from 'type-is';
import type { BodyLimitPolicy } from '../../http/bodyLimit.js';
import type { CachedAnswers, LiveAnswers } from '../../http/frameworkErrorGuard.js';
import { GRAPHQL_PATH } from '../../http/httpErrors.js';
import type { GraphQLContext } from '../context.js';
import { admitsDocument, admitsTrusted, type TrustedOnly } from '../graphqlRequestGuard.js';
import { sendableAsExpress, sendAsExpress } from './expressLikeSend.js';
import { noteDeclined } from './declinedRequests.js';
import { FastGraphQLServer } from './fastGraphQLServer.js';

/**
 * A middleware of the app. The door calls it on the plain Node request and response: those it
 * is given (CORS, compression, the response cache's capture) read and wrap only what Node has.
 */
export type AppMiddleware = (req: Request, res: Response, next: NextFunction) => void;

/** What the app does to a GraphQL request, for the door to do the same. */
export interface GraphQLFrontDoorParts {
  /** The app's GraphQL server: the door opens only for a FastGraphQLServer. */
  graphql: ApolloServer<GraphQLContext>;
  /** The GraphQL route's context function (graphqlRequestContext). */
  context: (args: { req: Request }) => Promise<GraphQLContext>;
  /** The response cache's door, as the function's handler calls it first (POST hits). */
  cached?: CachedAnswers;
  /** Called before a request is answered here, as the function's handler calls it. */
  beforeAnswer?: (res: ServerResponse) => void;
  /** The app's body limit (its bodyLimit middleware's policy). */
  bodyLimit: BodyLimitPolicy;
  /** The request guard's token limit (graphqlRequestGuard). */
  maxTokens: number;
  /** The request guard's trusted documents (PERSISTED_DOCUMENTS_ONLY), when on. */
  trusted?: TrustedOnly;
  /**
   * The app's middleware a GraphQL answer passes through, in the app's order: CORS,
   * compression, the response cache's capture.
   */
  middleware: readonly AppMiddleware[];
}

// Characters the legacy url.parse (which the Express integration reads `search` with) escapes,
// and `#`, which it cuts at: a URL with any of them is left to the app.
const RESHAPED_BY_URL_PARSE = /[#{}|\\^`<>"' \t\r\n]/;

/**
 * The GraphQL fast path at the process's door (see bindLiveDoor): a GET or POST of `/graphql`
 * that the app would let through to Apollo (the body limit, the request guard) and that
 * FastGraphQLServer answers, answered without the functions framework's Express app, ours or
 * Apollo's Express integration, with the same status, headers and bytes: the response cache's
 * hits first (as the handler does), then the answer made exactly as the route makes it, sent
 * through the app's own CORS, compression and response-cache middleware (see sendAsExpress).
 * Anything else (another path or method, a refusal, an answer Apollo must make) is left
 * untouched for the app. tests/integration/fastGraphQLPath.test.ts compares both byte for byte.
 * Undefined when the app's GraphQL server has no fast path.
 */
export function graphqlFrontDoor(parts: GraphQLFrontDoorParts): LiveAnswers | undefined {
  const { graphql } = parts;
  if (!(graphql instanceof FastGraphQLServer)) return undefined;
  return (req, res) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'POST') return false;
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    if ((queryAt < 0 ? url : url.slice(0, queryAt)) !== GRAPHQL_PATH) return false;
    return answer(parts, graphql, req, res, queryAt < 0 ? '' : url.slice(queryAt));
  };
}

async function answer(
  parts: GraphQLFrontDoorParts,
  graphql: FastGraphQLServer,
  req: IncomingMessage & { body?: unknown; rawBody?: Buffer },
  res: ServerResponse,
  search: string,
): Promise<boolean> {
  // The function's handler: the response cache answers what it holds before the app runs.
  if (parts.cached?.(req, res)) {
    parts.beforeAnswer?.(res);
    return true;
  }
  if (!admittedByTheApp(parts, req, search)) return false;
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: req.method!,
    headers: headerMapOf(req),
    search,
    body: req.body,
  };
  const response = await graphql.answerKnown(httpGraphQLRequest, () =>
    parts.context({ req: req as Request }),
  );
  if (!response) {
    noteDeclined(req);
    return false;
  }
  // An answer the door cannot send as Express would is made again behind Express, and sent there.
  if (!sendableAsExpress(response)) return false;
  parts.beforeAnswer?.(res);
  // From here the response is ours: a failure can only cut it off.
  try {
    throughMiddleware(parts.middleware, req, res, () => sendAsExpress(req, res, response));
  } catch (error) {
    res.destroy();
    throw error; // logged by the door (see tryLiveDoor), which then leaves the response alone
  }
  return true;
}

// What the app checks before Apollo sees a GraphQL request: its body limit, then the request
// guard (a JSON object for a POST, and the document's size and nesting). A request it would
// refuse, or that the door cannot read as Express would, is the app's to answer.
function admittedByTheApp(
  parts: GraphQLFrontDoorParts,
  req: IncomingMessage & { body?: unknown; rawBody?: Buffer },
  search: string,
): boolean {
  // The app's bodyLimit: the body received, else its declared length.
  const declared = Number(req.headers['content-length']);
  const size = req.rawBody?.length ?? (Number.isFinite(declared) ? declared : 0);
  if (size > 0 && size > parts.bodyLimit(req)) return false;
  if (req.method === 'POST') {
    const body = req.body;
    if (!typeis(req, ['application/json'])) return false;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
    const reference = body as { query?: unknown; extensions?: unknown };
    return (
      admitsDocument(reference.query, parts.maxTokens) &&
      admitsTrusted(parts.trusted, req as Request, reference)
    );
  }
  if (RESHAPED_BY_URL_PARSE.test(search)) return false;
  // The guard reads Express's `req.query` (its simple parser: node's querystring).
  const params = parseQueryString(search.slice(1));
  return (
    admitsDocument(params.query, parts.maxTokens) &&
    admitsTrusted(parts.trusted, req as Request, params)
  );
}

// The request's headers as the Express integration hands them to Apollo.
function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

// Runs the app's middleware in order, then `done`. None of ours fails or waits; one that did
// could not be answered as the app would, so the response is cut off.
function throughMiddleware(
  chain: readonly AppMiddleware[],
  req: IncomingMessage,
  res: ServerResponse,
  done: () => void,
): void {
  let index = 0;
  const next = (error?: unknown): void => {
    if (error !== undefined && error !== null) {
      res.destroy();
      return;
    }
    const middleware = chain[index++];
    if (middleware) middleware(req as Request, res as Response, next);
    else done();
  };
  next();
}
