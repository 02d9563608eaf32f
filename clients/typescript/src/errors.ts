/** One problem the API found in an input, at its path (`['patch', 'summary', 'en']`). */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** What the API said about a failure: its code, message, HTTP status and failing paths. */
export interface ErrorDetails {
  code: string;
  message: string;
  status: number | null;
  issues: Issue[];
  /** The raw `extensions` (GraphQL) or problem+json body (REST), for fields this client does not name. */
  extensions: Record<string, unknown>;
}

/**
 * Every failure this client throws: the API's `extensions.code` (GraphQL) or problem `code`
 * (REST), or `NETWORK` when no answer came and `BAD_RESPONSE` when the answer was not the API's.
 * Catch a subclass to handle one code; `code` names it in every case.
 */
export class ClientError extends Error {
  override readonly name: string = 'ClientError';
  /** The API's error code. */
  readonly code: string;
  /** The HTTP status of the answer, null when none came. */
  readonly status: number | null;
  /** The failing input paths, when the API named them. */
  readonly issues: Issue[];
  /** Everything the API sent with the error. */
  readonly extensions: Record<string, unknown>;

  constructor(details: ErrorDetails) {
    super(details.message);
    this.code = details.code;
    this.status = details.status;
    this.issues = details.issues;
    this.extensions = details.extensions;
  }
}

/** BAD_USER_INPUT or BAD_REQUEST: the request was wrong; `issues` say where. */
export class BadInputError extends ClientError {
  override readonly name = 'BadInputError';
}

/** NOT_FOUND: no such document. */
export class NotFoundError extends ClientError {
  override readonly name = 'NotFoundError';
}

/** UNAUTHENTICATED: no token, or one the API does not know (expired, revoked). */
export class UnauthenticatedError extends ClientError {
  override readonly name = 'UnauthenticatedError';
}

/** FORBIDDEN: the token's role may not do this. */
export class ForbiddenError extends ClientError {
  override readonly name = 'ForbiddenError';
}

/** CONFLICT: the document moved on since it was read (optimistic concurrency). */
export class ConflictError extends ClientError {
  override readonly name = 'ConflictError';
  /** The document's version now, when the API says it; null otherwise. */
  readonly currentVersion: number | null;

  constructor(details: ErrorDetails) {
    super(details);
    const current = details.extensions.currentVersion;
    this.currentVersion = typeof current === 'number' ? current : null;
  }
}

/** UNAVAILABLE: the content cannot be served right now (thrown after the client's retries). */
export class UnavailableError extends ClientError {
  override readonly name = 'UnavailableError';
}

/** QUERY_TOO_COMPLEX: over the API's depth, cost, alias or token limits. */
export class QueryTooComplexError extends ClientError {
  override readonly name = 'QueryTooComplexError';
}

/** FULL_SYNC_REQUIRED: a sync token the API cannot continue from; sync again from scratch. */
export class FullSyncRequiredError extends ClientError {
  override readonly name = 'FullSyncRequiredError';
}

/** No answer came (connection refused, reset, aborted). */
export class NetworkError extends ClientError {
  override readonly name = 'NetworkError';
}

const CLASS_OF_CODE: Record<string, new (details: ErrorDetails) => ClientError> = {
  BAD_USER_INPUT: BadInputError,
  BAD_REQUEST: BadInputError,
  NOT_FOUND: NotFoundError,
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  CONFLICT: ConflictError,
  UNAVAILABLE: UnavailableError,
  QUERY_TOO_COMPLEX: QueryTooComplexError,
  FULL_SYNC_REQUIRED: FullSyncRequiredError,
  NETWORK: NetworkError,
};

/** The error of a code: its own class when this client names one, else a plain ClientError. */
export function errorFromDetails(details: ErrorDetails): ClientError {
  const ErrorClass = CLASS_OF_CODE[details.code] ?? ClientError;
  return new ErrorClass(details);
}
