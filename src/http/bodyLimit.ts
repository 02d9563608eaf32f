import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { TokenEntry } from '../auth/tokens.js';
import { ErrorCode } from '../errors.js';
import { sendHttpError } from './httpErrors.js';
import { requestViewer } from './requestViewer.js';

/** How many body bytes one request may send, decided from its headers alone. */
export type BodyLimitPolicy = (req: IncomingMessage) => number;

/**
 * Anonymous requests may send `maxBodyBytes` (100 KB by default: any real query fits); a
 * request with a valid editor or admin token may send `maxWriterBodyBytes`, because imports and
 * long lessons are legitimately larger. Checking the token costs one SHA-256, so this runs
 * before any byte of the body is read. An invalid token gets the anonymous limit (and a 401
 * later, if the body fits).
 */
export function bodyLimitPolicy(config: {
  maxBodyBytes: number;
  maxWriterBodyBytes: number;
  apiTokens: readonly TokenEntry[];
}): BodyLimitPolicy {
  return (req) => {
    const header = req.headers.authorization;
    if (header === undefined || config.apiTokens.length === 0) return config.maxBodyBytes;
    try {
      const viewer = requestViewer(req, config.apiTokens);
      return viewer.role === 'anonymous' ? config.maxBodyBytes : config.maxWriterBodyBytes;
    } catch {
      return config.maxBodyBytes;
    }
  };
}

/** Answers 413 as JSON (GraphQL-shaped or problem+json by path), closing the connection. */
export function refuseOversizedBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): void {
  // Drain what the client still sends, so it reads our answer instead of a reset socket.
  if (!req.complete) req.resume();
  res.setHeader('Connection', 'close');
  sendHttpError(
    req,
    res,
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The request body is larger than ${limit} bytes.`,
  );
}

/**
 * The per-app check once the body is in: the framework guard received it within the most
 * generous limit of the APIs in this process; when several share one (tests), this holds each
 * app to its own.
 */
export function bodyLimit(policy: BodyLimitPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const raw = (req as Request & { rawBody?: Buffer }).rawBody;
    const declared = Number(req.headers['content-length']);
    const size = raw?.length ?? (Number.isFinite(declared) ? declared : 0);
    const limit = policy(req);
    if (size > limit) {
      refuseOversizedBody(req, res, limit);
      return;
    }
    next();
  };
}
