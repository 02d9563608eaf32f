import type { HTTPGraphQLRequest } from '@apollo/server';
import Negotiator from 'negotiator';

/**
 * A GraphQL request as the fast path takes it: a document (or the hash of a persisted one) with
 * its operation and variables.
 */
export interface PlainGraphQLRequest {
  /** The document, or undefined for an automatic persisted query (`persistedHash`). */
  query: string | undefined;
  /** The SHA-256 of a persisted query sent without its document. */
  persistedHash?: string;
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
 * that passes Apollo's CSRF prevention with `query` once, and `variables` once as a JSON object;
 * or either with no `query` but `extensions: { persistedQuery: { version: 1, sha256Hash } }`
 * (an automatic persisted query's hash). Anything else (registering a persisted query,
 * batches, form posts, odd Accept headers, anything Apollo would refuse or answer in its own
 * way) is undefined: Apollo's pipeline answers it.
 */
export function plainGraphQLRequest(http: HTTPGraphQLRequest): PlainGraphQLRequest | undefined {
  const contentType = singleResultContentType(http);
  if (!contentType) return undefined;
  if (http.method === 'POST') {
    // Our request guard admits only JSON bodies, which Apollo's CSRF prevention lets through.
    const body = http.body;
    if (!isRecord(body)) return undefined;
    const { query, variables, operationName, extensions } = body;
    const document = documentOf(query, extensions);
    if (!document) return undefined;
    if (variables != null && !isRecord(variables)) return undefined;
    if (operationName != null && typeof operationName !== 'string') return undefined;
    if (!isJsonContentType(http.headers.get('content-type'))) return undefined;
    return {
      ...document,
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
    if (query.length > 1 || operationName.length > 1) return undefined;
    const variables = jsonRecordParam(params, 'variables');
    const extensions = jsonRecordParam(params, 'extensions');
    if (variables === null || extensions === null) return undefined;
    const document = documentOf(query[0], extensions);
    if (!document) return undefined;
    return { ...document, operationName: operationName[0], variables, contentType };
  }
  return undefined;
}

// The document, or the hash of a persisted one sent alone (what Apollo looks up in its cache).
function documentOf(
  query: unknown,
  extensions: unknown,
): { query: string | undefined; persistedHash?: string } | undefined {
  if (extensions == null) {
    return typeof query === 'string' && query !== '' ? { query } : undefined;
  }
  if (query !== undefined || !isRecord(extensions)) return undefined;
  const keys = Object.keys(extensions);
  const persisted = extensions.persistedQuery;
  if (keys.length !== 1 || !isRecord(persisted) || persisted.version !== 1) return undefined;
  const hash = persisted.sha256Hash;
  return typeof hash === 'string' && hash !== ''
    ? { query: undefined, persistedHash: hash }
    : undefined;
}

// A search parameter given at most once as a JSON object: undefined when absent, null otherwise.
function jsonRecordParam(
  params: URLSearchParams,
  name: string,
): Record<string, unknown> | undefined | null {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length > 1) return null;
  try {
    const parsed: unknown = JSON.parse(values[0]!);
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
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
