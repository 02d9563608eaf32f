import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../errors.js';
import { logUnexpected } from '../observability/logUnexpected.js';
import { sendHttpError } from '../http/httpErrors.js';

/**
 * Answers a REST request's error as RFC 9457 problem+json with the same codes as GraphQL
 * (and the failing paths in `issues`); unexpected errors are logged and masked as a 500.
 */
export function sendProblem(req: Request, res: Response, error: unknown): void {
  if (error instanceof AppError) {
    sendHttpError(req, res, error.code, error.message, error.issues);
    return;
  }
  logUnexpected(error);
  sendHttpError(req, res, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
}
