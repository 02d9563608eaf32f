import type { NextFunction, Request, Response } from 'express';
import typeis from 'type-is';
import { ErrorCode } from '../errors.js';
import { bracketNesting } from '../graphql/bracketNesting.js';
import { sendHttpError } from './httpErrors.js';

/**
 * Deepest bracket nesting a document may have. Far above any real query (the depth limit is 14
 * fields), far below where graphql-js's recursive parser would overflow the stack (~2,000).
 */
export const MAX_BRACKET_NESTING = 128;

/**
 * Checks the HTTP envelope of a GraphQL request before Apollo sees it, so every refusal is a
 * JSON error with a code: only GET and POST; a POST carries one JSON object (no batches); a
 * document nested deeper than MAX_BRACKET_NESTING is refused before it is parsed.
 */
export function graphqlRequestGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    sendHttpError(
      req,
      res,
      405,
      ErrorCode.METHOD_NOT_ALLOWED,
      `${req.method} is not allowed on /graphql: use GET or POST.`,
    );
    return;
  }
  if (req.method === 'GET') {
    if (refusedForNesting(req.query.query, req, res)) return;
    next();
    return;
  }
  if (!typeis.hasBody(req)) {
    sendHttpError(
      req,
      res,
      400,
      ErrorCode.BAD_REQUEST,
      'The request body is empty: send a JSON object with a "query".',
    );
    return;
  }
  if (!req.is('application/json')) {
    sendHttpError(
      req,
      res,
      415,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      `Content-Type ${JSON.stringify(req.headers['content-type'] ?? '')} is not supported: send application/json.`,
    );
    return;
  }
  const body: unknown = req.body;
  if (Array.isArray(body)) {
    sendHttpError(
      req,
      res,
      400,
      ErrorCode.BAD_REQUEST,
      'Batched operations are not supported: send one operation per request.',
    );
    return;
  }
  if (body === null || typeof body !== 'object') {
    sendHttpError(
      req,
      res,
      400,
      ErrorCode.BAD_REQUEST,
      'The request body must be a JSON object with a "query".',
    );
    return;
  }
  if (refusedForNesting((body as { query?: unknown }).query, req, res)) return;
  next();
}

function refusedForNesting(query: unknown, req: Request, res: Response): boolean {
  if (typeof query !== 'string') return false;
  const nesting = bracketNesting(query);
  if (nesting <= MAX_BRACKET_NESTING) return false;
  sendHttpError(
    req,
    res,
    400,
    ErrorCode.QUERY_TOO_COMPLEX,
    `The query nests brackets ${nesting} deep; at most ${MAX_BRACKET_NESTING} are allowed.`,
  );
  return true;
}
