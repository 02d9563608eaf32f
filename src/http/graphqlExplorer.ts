import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { ErrorCode } from '../errors.js';
import { projectRoot } from '../paths.js';
import { sendHttpError } from './httpErrors.js';

/**
 * What the explorer's page may load: this origin's scripts, workers (the Monaco editor's, files
 * of their own), fonts and API, nothing else, no framing. Styles also `'unsafe-inline'`: Monaco
 * sets styles from script as it lays out the editor (style attributes and <style> elements);
 * scripts stay strict, which is what stops injected code.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the explorer's hashed assets are served (explorer/vite.config.ts's `base` + assets/). */
export const EXPLORER_ASSETS_PATH = '/explorer/assets';

// Vite names every asset by its content hash: a changed file is a new URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';

function secureHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', EXPLORER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * Whether a request to /graphql is a person's browser opening it: a GET with no GraphQL
 * parameters that prefers HTML to JSON. Anything a GraphQL client sends (a query, JSON first,
 * no Accept) is not, and passes to the API unchanged.
 */
export function wantsExplorer(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path !== '/') return false; // mounted at /graphql: only the endpoint itself
  if (Object.keys(req.query).length > 0) return false;
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * GraphiQL for browsers (built from explorer/ into dist/explorer by `npm run build`): `page` answers
 * GET /graphql when a browser opens it (see wantsExplorer), else passes; `assets` serves the
 * hashed files (mount it at EXPLORER_ASSETS_PATH), cached for a year. A strict Content-Security-Policy on both.
 * Before a build, the page is a clear 503 that says how to make one.
 */
export function graphqlExplorer(root = join(projectRoot(), 'dist', 'explorer')): {
  page: RequestHandler;
  assets: Router;
} {
  const index = join(root, 'index.html');
  const page: RequestHandler = (req, res, next) => {
    if (!wantsExplorer(req)) {
      next();
      return;
    }
    // The same URL answers JSON to clients: caches must keep the two apart.
    res.vary('Accept');
    if (!existsSync(index)) {
      sendHttpError(
        req,
        res,
        ErrorCode.UNAVAILABLE,
        'The explorer is not built: run `npm run build`.',
      );
      return;
    }
    secureHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  const assets = Router();
  assets.use((_req, res, next) => {
    secureHeaders(res);
    next();
  });
  assets.use(
    express.static(join(root, 'assets'), {
      index: false,
      setHeaders: (res: Response) => res.setHeader('Cache-Control', IMMUTABLE),
    }),
  );
  assets.use((req, res) => {
    sendHttpError(req, res, ErrorCode.NOT_FOUND, 'There is no such explorer asset.');
  });
  return { page, assets };
}
