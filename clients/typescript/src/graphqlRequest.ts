import { errorFromDetails, type ClientError, type Issue } from './errors.js';
import type { TypedDocumentString } from './gql/graphql.js';
import type { HttpAnswer, Transport } from './http.js';
import { isQuery, operationName, sha256Hex } from './persisted.js';

interface GraphQLBody<T> {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; issues?: Issue[] } & Record<string, unknown>;
  }[];
}

const NOT_PERSISTED = 'PERSISTED_QUERY_NOT_FOUND';

/**
 * Runs one typed operation. Queries go as GET (cacheable, revalidated by ETag) with Apollo's
 * automatic persisted queries: the document's SHA-256 first, the document itself only when the
 * API answers PERSISTED_QUERY_NOT_FOUND (once per API instance, after which the short URL is
 * the one kept and revalidated, from the first repeat on). Mutations go as POST. Any error in the answer is thrown as its
 * ClientError subclass.
 */
export async function runOperation<TResult, TVariables>(
  transport: Transport,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | undefined,
  persisted: boolean,
): Promise<TResult> {
  const query = document.toString();
  const url = `${transport.baseUrl}/graphql`;
  if (!isQuery(query)) {
    const answer = await transport.postJson(url, {
      query,
      operationName: operationName(query),
      variables,
    });
    return dataOf<TResult>(answer);
  }
  // Apollo refuses a GET without a header a simple (CSRF-able) request cannot carry.
  const headers = { 'apollo-require-preflight': 'true' };
  const keep = (body: string) => !hasErrors(body);
  const params = new URLSearchParams();
  const name = operationName(query);
  if (name) params.set('operationName', name);
  if (variables !== undefined) params.set('variables', JSON.stringify(variables));
  if (!persisted) {
    params.set('query', query);
    return dataOf<TResult>(await transport.get(`${url}?${params.toString()}`, headers, keep));
  }
  const extensions = { persistedQuery: { version: 1, sha256Hash: await sha256Hex(query) } };
  params.set('extensions', JSON.stringify(extensions));
  const shortUrl = `${url}?${params.toString()}`;
  const short = await transport.get(shortUrl, headers, keep);
  if (firstCode(short) !== NOT_PERSISTED) return dataOf<TResult>(short);
  params.set('query', query);
  const fullUrl = `${url}?${params.toString()}`;
  const full = await transport.get(fullUrl, headers, keep);
  // The next run of the operation goes by the short URL: revalidated with this answer, the
  // same one, its first repeat is a 304 rather than the whole answer again.
  transport.keepAlsoFor(fullUrl, shortUrl);
  return dataOf<TResult>(full);
}

function parse<T>(answer: HttpAnswer): GraphQLBody<T> | undefined {
  try {
    return JSON.parse(answer.body) as GraphQLBody<T>;
  } catch {
    return undefined;
  }
}

// Only answers without errors are kept for revalidation (a persisted-query miss never is).
function hasErrors(body: string): boolean {
  try {
    return (JSON.parse(body) as GraphQLBody<unknown>).errors !== undefined;
  } catch {
    return true;
  }
}

function firstCode(answer: HttpAnswer): string | undefined {
  return parse(answer)?.errors?.[0]?.extensions?.code;
}

/** The data of an answer, or its first error as a ClientError. */
function dataOf<T>(answer: HttpAnswer): T {
  const body = parse<T>(answer);
  const error = body?.errors?.[0];
  if (error) throw graphqlError(error, answer.status);
  if (body?.data === undefined || body.data === null) {
    throw errorFromDetails({
      code: 'BAD_RESPONSE',
      message: `The API answered ${answer.status} without data: ${answer.body.slice(0, 200)}`,
      status: answer.status,
      issues: [],
      extensions: {},
    });
  }
  return body.data;
}

function graphqlError(
  error: NonNullable<GraphQLBody<unknown>['errors']>[number],
  status: number,
): ClientError {
  const extensions = error.extensions ?? {};
  return errorFromDetails({
    code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
    message: error.message,
    status,
    issues: extensions.issues ?? [],
    extensions,
  });
}
