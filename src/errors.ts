import type { z } from 'zod';

/** Error codes clients see in `extensions.code` (GraphQL) and `code` (JSON errors). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  BAD_REQUEST = 'BAD_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  UNAVAILABLE = 'UNAVAILABLE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** The request's headers (or its URL) are over Node's header size limit: HTTP 431. */
  HEADERS_TOO_LARGE = 'HEADERS_TOO_LARGE',
  /** The client sent its request too slowly (Node's request timeout): HTTP 408. */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  /** A query over the depth, cost, alias, directive or token limits: refused before it runs. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A sync token this store cannot continue from (another history, or malformed): sync from scratch. */
  FULL_SYNC_REQUIRED = 'FULL_SYNC_REQUIRED',
  /**
   * PERSISTED_DOCUMENTS_ONLY: an anonymous request whose document is not one of the deployed
   * clients' (send the text or the persisted-query hash of one of them, or a token).
   */
  PERSISTED_DOCUMENT_REQUIRED = 'PERSISTED_DOCUMENT_REQUIRED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * The HTTP status of each code: the one table that GraphQL's request-level errors, REST's
 * problem+json answers and the HTTP layer's own refusals all answer by. A `Record` over the
 * enum, so a new code does not compile until it has a status.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.PERSISTED_DOCUMENT_REQUIRED]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.METHOD_NOT_ALLOWED]: 405,
  [ErrorCode.REQUEST_TIMEOUT]: 408,
  [ErrorCode.CONFLICT]: 409,
  // Gone: this sync position no longer exists; the client starts over.
  [ErrorCode.FULL_SYNC_REQUIRED]: 410,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.HEADERS_TOO_LARGE]: 431,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.UNAVAILABLE]: 503,
};

/** One failed rule: where (a path into the input) and which rule. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** Machine-readable facts an error hands its client besides the code (GraphQL extensions). */
export type ErrorDetails = Readonly<Record<string, string | number | null>>;

/** An error we raise on purpose: its message is safe to show to clients. */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  /** Facts a client acts on without parsing the message; none by default. */
  readonly details: ErrorDetails = {};

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** Bad input: names each failing path and the rule it broke. */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';

  constructor(message: string, issues: Issue[]) {
    super(ErrorCode.BAD_USER_INPUT, message, issues);
  }
}

/** Converts zod issues into our issue shape (paths without symbols). */
export function issuesFromZod(error: z.ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((issue) => ({
    path: [
      ...prefix,
      ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    ],
    message: issue.message,
  }));
}

/** Renders a path as `a.b[2].c` for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/**
 * An optimistic-concurrency failure: the document moved on since the caller read it. Its
 * `currentVersion` (null: the document does not exist) reaches the client as a detail, so an
 * editor can offer to reload or retry on that version without parsing the message.
 */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';
  override readonly details: ErrorDetails;

  constructor(
    readonly target: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
  ) {
    super(
      ErrorCode.CONFLICT,
      `${target} is at version ${currentVersion ?? 'none (it does not exist)'}, not the expected version ${expectedVersion}`,
    );
    this.details = { currentVersion };
  }
}

/** The read model cannot be reached (the store is down or still opening): retry shortly. */
export function contentUnavailable(): AppError {
  return new AppError(ErrorCode.UNAVAILABLE, 'Content is not available right now; retry shortly.');
}
