import type { TypedDocumentString } from './gql/graphql.js';
import { runOperation } from './graphqlRequest.js';
import { Transport, type TransportOptions } from './http.js';
import { restGet, type RestAnswer, type RestOptions, type RestPath } from './rest.js';

/** How to reach the API, and as whom. */
export interface ClientOptions extends TransportOptions {
  /** Send queries as automatic persisted queries (hash first). Default true. */
  persistedQueries?: boolean;
}

/** A typed client of the course API: GraphQL operations and REST GETs. */
export interface Client {
  /** Runs a typed operation (one of this package's documents, or your own typed one). */
  graphql<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<TResult>;
  /** GETs a REST path with its parameters, typed by the OpenAPI document. */
  get<P extends RestPath>(path: P, options?: RestOptions<P>): Promise<RestAnswer<P>>;
  /** The API's base URL, as given. */
  readonly url: string;
}

/**
 * A client of the course API at `url`: locale as Accept-Language, the bearer token when given,
 * ETag revalidation of every GET, persisted queries, retries on 503 and a ClientError subclass
 * per error code.
 */
export function createClient(options: ClientOptions): Client {
  const transport = new Transport(options);
  const persisted = options.persistedQueries ?? true;
  return {
    url: transport.baseUrl,
    graphql: (document, variables) => runOperation(transport, document, variables, persisted),
    get: (path, restOptions) => restGet(transport, path, restOptions ?? ({} as never)),
  };
}
