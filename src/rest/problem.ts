import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../errors.js';
import { logUnexpected } from '../http/errorHandlers.js';
import { sendHttpError } from '../http/httpErrors.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAVAILABLE]: 503,
  // Gone: this sync position no longer exists; the client starts over.
  [ErrorCode.FULL_SYNC_REQUIRED]: 410,
};

/**
 * Answers a REST request's error as RFC 9457 problem+json with the same codes as GraphQL
 * (and the failing paths in `issues`); unexpected errors are logged and masked as a 500.
 */
export function sendProblem(req: Request, res: Response, error: unknown): void {
  if (error instanceof AppError) {
    sendHttpError(req, res, STATUS[error.code] ?? 400, error.code, error.message, error.issues);
    return;
  }
  logUnexpected(error);
  sendHttpError(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
}
