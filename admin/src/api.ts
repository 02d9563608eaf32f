import type { TypedDocumentString } from './gql/graphql.js';

/** One problem the API found in an input, at its path (`['patch', 'definition', 'en']`). */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** An error the API answered, with its code (`UNAUTHENTICATED`, `CONFLICT` …) and issues. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

const expiryListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the API refuses the signed-in token (expired or revoked): the console
 * then signs out and asks for a token again instead of failing screen by screen. Returns the
 * unsubscribe function.
 */
export function onTokenRefused(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; issues?: Issue[] } }[];
}

/**
 * Sends one typed GraphQL operation (a document from `graphql()`, see codegen.ts) to the API
 * this console is served by, with the bearer token: the console has no privilege the API does
 * not check. A network failure is `NETWORK`, an answer that is not GraphQL `SERVER`, and a
 * GraphQL error its own code.
 */
export async function request<T, V extends Record<string, unknown>>(
  token: string | null,
  document: TypedDocumentString<T, V>,
  ...[variables]: V extends Record<string, never> ? [] : [V]
): Promise<T> {
  const query = document.toString();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The API cannot be reached.', 'NETWORK');
  }
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await response.json()) as GraphQLAnswer<T>;
  } catch {
    throw new ApiError(`The API answered ${response.status} without a GraphQL body.`, 'SERVER');
  }
  const error = answer.errors?.[0];
  if (token && error?.extensions?.code === 'UNAUTHENTICATED') {
    for (const listener of expiryListeners) listener();
  }
  if (error) {
    throw new ApiError(
      error.message,
      error.extensions?.code ?? 'SERVER',
      error.extensions?.issues ?? [],
    );
  }
  if (!answer.data) throw new ApiError('The API answered without data.', 'SERVER');
  return answer.data;
}
