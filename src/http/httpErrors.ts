import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, HTTP_STATUS, type Issue } from '../errors.js';

// Plain Node request/response types: the framework guard answers before Express has decorated
// them, so nothing here may rely on Express helpers (`res.status`, `req.path`).
type AnyRequest = IncomingMessage & { originalUrl?: string };

/** Path prefix of the GraphQL endpoint, whose clients expect GraphQL-shaped errors. */
export const GRAPHQL_PATH = '/graphql';

/**
 * The headers an error's status calls for, whichever face answers it: a 401 names the scheme
 * that would be accepted (RFC 9110 §11.6.1).
 */
export function challengeHeaders(status: number): Map<string, string> {
  return new Map<string, string>(status === 401 ? [['www-authenticate', 'Bearer']] : []);
}

/**
 * Sends an HTTP-level error as JSON: GraphQL-shaped (`{ errors: [...] }`) on the GraphQL
 * endpoint, RFC 9457 problem+json elsewhere. Never includes stacks, paths or internals.
 */
export function sendHttpError(
  req: AnyRequest,
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  issues: Issue[] = [],
): void {
  const status = HTTP_STATUS[code];
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of challengeHeaders(status)) res.setHeader(name, value);
  const path = requestPath(req);
  if (path === GRAPHQL_PATH || path.startsWith(`${GRAPHQL_PATH}/`)) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    const extensions = issues.length > 0 ? { code, issues } : { code };
    res.end(JSON.stringify({ errors: [{ message, extensions }] }));
    return;
  }
  res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  res.end(problemBody(status, code, message, reasonPhrase(status), issues));
}

/** An RFC 9457 problem+json body with our error code (and the failing paths, if any). */
export function problemBody(
  status: number,
  code: ErrorCode,
  detail: string,
  title: string,
  issues: Issue[] = [],
): string {
  return JSON.stringify({
    type: 'about:blank',
    title,
    status,
    code,
    detail,
    ...(issues.length > 0 ? { issues } : {}),
  });
}

/**
 * The path the client asked for. `req.path` is relative inside mounted routers (and is left
 * relative when the framework's final handler runs), so read it from the original URL.
 */
export function requestPath(req: AnyRequest): string {
  const url = req.originalUrl || req.url || '/';
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The reason phrase of an HTTP status (a generic one for statuses this API does not send). */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** An error as raised by body-parser / http-errors (the fields we read, all optional). */
interface HttpLikeError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

/**
 * Maps any error that reached the HTTP layer to a status, code and client-safe message.
 * Known body-parser failures get precise answers; everything else is a masked 500.
 */
export function classifyHttpError(error: unknown): { code: ErrorCode; message: string } {
  const { status, statusCode, type } = (error ?? {}) as HttpLikeError;
  const httpStatus =
    typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : 500;
  switch (type) {
    case 'entity.parse.failed':
      return {
        code: ErrorCode.BAD_REQUEST,
        message: 'The request body is not valid JSON.',
      };
    case 'entity.too.large':
      return {
        code: ErrorCode.PAYLOAD_TOO_LARGE,
        message: 'The request body is too large.',
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        message: 'The request body encoding or charset is not supported.',
      };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return {
        code: ErrorCode.BAD_REQUEST,
        message: 'The request body could not be read.',
      };
    default:
      if (httpStatus >= 400 && httpStatus < 500) {
        return {
          code: ErrorCode.BAD_REQUEST,
          message: 'The request could not be processed.',
        };
      }
      return {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        message: 'Internal server error.',
      };
  }
}
