import type { NextFunction, Request, Response } from 'express';
import typeis from 'type-is';
import { ErrorCode } from '../errors.js';
import { documentShape } from './documentShape.js';
import { sendHttpError } from '../http/httpErrors.js';

/**
 * Deepest bracket nesting a document may have. Far above any real query (the depth limit is 14
 * fields), far below where graphql-js's recursive parser would overflow the stack (~2,000).
 */
export const MAX_BRACKET_NESTING = 128;

/**
 * Checks the HTTP envelope of a GraphQL request before Apollo sees it, so every refusal is a
 * JSON error with a code: only GET and POST; a POST carries one JSON object (no batches); a
 * document nested deeper than MAX_BRACKET_NESTING, or of more than `maxTokens` tokens, is
 * refused as QUERY_TOO_COMPLEX before it is parsed. (The parser keeps its own token limit as a
 * backstop; refusing here gives the refusal our code without reading the parser's message.)
 */
export function graphqlRequestGuard(limits: { maxTokens: number }) {
  return (req: Request, res: Response, next: NextFunction): void =>
    guardRequest(req, res, next, limits.maxTokens);
}

function guardRequest(req: Request, res: Response, next: NextFunction, maxTokens: number): void {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    sendHttpError(
      req,
      res,
      ErrorCode.METHOD_NOT_ALLOWED,
      `${req.method} is not allowed on /graphql: use GET or POST.`,
    );
    return;
  }
  if (req.method === 'GET') {
    if (refusedForShape(req.query.query, maxTokens, req, res)) return;
    next();
    return;
  }
  if (!typeis.hasBody(req)) {
    sendHttpError(
      req,
      res,
      ErrorCode.BAD_REQUEST,
      'The request body is empty: send a JSON object with a "query".',
    );
    return;
  }
  if (!req.is('application/json')) {
    sendHttpError(
      req,
      res,
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
      ErrorCode.BAD_REQUEST,
      'Batched operations are not supported: send one operation per request.',
    );
    return;
  }
  if (body === null || typeof body !== 'object') {
    sendHttpError(
      req,
      res,
      ErrorCode.BAD_REQUEST,
      'The request body must be a JSON object with a "query".',
    );
    return;
  }
  if (refusedForShape((body as { query?: unknown }).query, maxTokens, req, res)) return;
  next();
}

/**
 * Whether the guard lets a request's `query` through: anything but a string is Apollo's to
 * judge; a string must be within `maxTokens` tokens and MAX_BRACKET_NESTING.
 */
export function admitsDocument(query: unknown, maxTokens: number): boolean {
  if (typeof query !== 'string') return true;
  const { tokens, nesting } = documentShape(query, maxTokens);
  return tokens <= maxTokens && nesting <= MAX_BRACKET_NESTING;
}

function refusedForShape(query: unknown, maxTokens: number, req: Request, res: Response): boolean {
  if (typeof query !== 'string') return false;
  const { tokens, nesting } = documentShape(query, maxTokens);
  if (tokens > maxTokens) {
    sendHttpError(
      req,
      res,
      ErrorCode.QUERY_TOO_COMPLEX,
      `The query has more than ${maxTokens} tokens; at most ${maxTokens} are allowed.`,
    );
    return true;
  }
  if (nesting <= MAX_BRACKET_NESTING) return false;
  sendHttpError(
    req,
    res,
    ErrorCode.QUERY_TOO_COMPLEX,
    `The query nests brackets ${nesting} deep; at most ${MAX_BRACKET_NESTING} are allowed.`,
  );
  return true;
}
