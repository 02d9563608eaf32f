import type { HTTPGraphQLRequest } from '@apollo/server';
import Negotiator from 'negotiator';

/** A GraphQL request as the fast path takes it: a document with its operation and variables. */
export interface PlainGraphQLRequest {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  /** The answer's Content-Type, negotiated from Accept as Apollo does. */
  contentType: string;
}

// Apollo's media types for a single answer, in its order of preference (ApolloServer.js).
const APPLICATION_JSON = 'application/json; charset=utf-8';
const SINGLE_RESULT_TYPES = [
  APPLICATION_JSON,
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];
// Apollo's CSRF prevention lets a GET through only with one of these (csrfPrevention: true).
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Buffer.isBuffer(value) && !Array.isArray(value);
}

/**
 * Reads a request the way Apollo's `runHttpQuery` does, but only the plain shape Apollo accepts
 * without a word: a POST of a JSON object with a non-empty `query` string (`variables` an
 * object, `operationName` a string, either may be null or absent, no `extensions`), or a GET
 * that passes Apollo's CSRF prevention with `query` once, and `variables` once as a JSON object.
 * Anything else (persisted queries, batches, form posts, odd Accept headers, anything Apollo
 * would refuse or answer in its own way) is undefined: Apollo's pipeline answers it.
 */
export function plainGraphQLRequest(http: HTTPGraphQLRequest): PlainGraphQLRequest | undefined {
  const contentType = singleResultContentType(http);
  if (!contentType) return undefined;
  if (http.method === 'POST') {
    // Our request guard admits only JSON bodies, which Apollo's CSRF prevention lets through.
    const body = http.body;
    if (!isRecord(body)) return undefined;
    const { query, variables, operationName } = body;
    if (typeof query !== 'string' || query === '') return undefined;
    if ('extensions' in body && body.extensions != null) return undefined;
    if (variables != null && !isRecord(variables)) return undefined;
    if (operationName != null && typeof operationName !== 'string') return undefined;
    if (!isJsonContentType(http.headers.get('content-type'))) return undefined;
    return {
      query,
      operationName: operationName ?? undefined,
      variables: variables ?? undefined,
      contentType,
    };
  }
  if (http.method === 'GET') {
    if (http.headers.get('content-type') !== undefined) return undefined;
    if (!PREFLIGHT_HEADERS.some((name) => (http.headers.get(name) ?? '').length > 0)) {
      return undefined;
    }
    const params = new URLSearchParams(http.search);
    const query = params.getAll('query');
    const operationName = params.getAll('operationName');
    const variables = params.getAll('variables');
    if (query.length !== 1 || query[0] === '' || params.has('extensions')) return undefined;
    if (operationName.length > 1 || variables.length > 1) return undefined;
    let parsed: unknown;
    if (variables.length === 1) {
      try {
        parsed = JSON.parse(variables[0]!);
      } catch {
        return undefined;
      }
      if (!isRecord(parsed)) return undefined;
    }
    return {
      query: query[0]!,
      operationName: operationName[0],
      variables: parsed as Record<string, unknown> | undefined,
      contentType,
    };
  }
  return undefined;
}

// `application/json`, with parameters or not: what Apollo's CSRF check and our guard accept.
function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

// Apollo's chooseContentTypeForSingleResultResponse, with the same negotiator.
function singleResultContentType(http: HTTPGraphQLRequest): string | undefined {
  const accept = http.headers.get('accept');
  if (!accept) return APPLICATION_JSON;
  return new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? undefined;
}
