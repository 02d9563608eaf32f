import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors.js';
import { logUnexpected } from '../observability/logUnexpected.js';
import { classifyHttpError, requestPath, sendHttpError } from './httpErrors.js';

/** Last route of the app: anything unmatched is a JSON 404. */
export function notFoundHandler(req: Request, res: Response): void {
  const path = requestPath(req);
  // Echo at most a short prefix of the path: it is client input.
  const shown = path.length > 120 ? `${path.slice(0, 120)}…` : path;
  sendHttpError(req, res, ErrorCode.NOT_FOUND, `No route for ${req.method} ${shown}.`);
}

/** Express error handler: JSON errors only, and 5xx causes are logged, never sent. */
export function jsonErrorHandler(
  error: unknown,
  req: Request,
  res: Response,
  _next: NextFunction,
): void {
  const classified = classifyHttpError(error);
  if (classified.code === ErrorCode.INTERNAL_SERVER_ERROR) logUnexpected(error);
  sendHttpError(req, res, classified.code, classified.message);
}
