import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors.js';
import { logger } from '../observability/logger.js';
import { classifyHttpError, requestPath, sendHttpError } from './httpErrors.js';

/** Last route of the app: anything unmatched is a JSON 404. */
export function notFoundHandler(req: Request, res: Response): void {
  const path = requestPath(req);
  // Echo at most a short prefix of the path: it is client input.
  const shown = path.length > 120 ? `${path.slice(0, 120)}…` : path;
  sendHttpError(req, res, 404, ErrorCode.NOT_FOUND, `No route for ${req.method} ${shown}.`);
}

/** Express error handler: JSON errors only, and 5xx causes are logged, never sent. */
export function jsonErrorHandler(
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
): void {
  const classified = classifyHttpError(error);
  if (classified.status >= 500) logUnexpected(error);
  sendHttpError(req, res, classified.status, classified.code, classified.message);
}

/** Logs an unexpected error server-side (stack included: logs are not responses). */
export function logUnexpected(error: unknown): void {
  // Error Reporting groups entries by the stack trace in `stack_trace`.
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger().error({ stack_trace: stack }, error instanceof Error ? error.message : stack);
}
