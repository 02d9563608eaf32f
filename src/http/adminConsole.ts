import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import { sendHttpError } from './httpErrors.js';
import { ErrorCode } from '../errors.js';
import { projectRoot } from '../paths.js';

/**
 * What the console's pages may load: only this origin's own scripts, styles and API, no inline
 * script or style, no framing. The console is a client of the public API and needs nothing else.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Vite names every asset by its content hash: a changed file is a new URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The admin console (the single-page app built from admin/ into dist/admin by `npm run build`)
 * under /admin/: hashed assets cached for a year, index.html revalidated on every load, a strict
 * Content-Security-Policy on everything. Paths that are no file are the app's own routes and get
 * index.html; a missing asset is a 404. Before a build, a clear 503 says how to make one.
 */
export function adminConsole(root = join(projectRoot(), 'dist', 'admin')): Router {
  const router = Router();
  const index = join(root, 'index.html');
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  router.use(
    express.static(root, {
      index: 'index.html',
      setHeaders: (res: Response, path: string) => {
        res.setHeader('Cache-Control', path === index ? 'no-cache' : IMMUTABLE);
      },
    }),
  );
  router.get('/assets/{*rest}', (req, res) => {
    sendHttpError(req, res, ErrorCode.NOT_FOUND, 'There is no such console asset.');
  });
  router.get('/{*route}', (req, res) => {
    if (!existsSync(index)) {
      sendHttpError(
        req,
        res,
        ErrorCode.UNAVAILABLE,
        'The admin console is not built: run `npm run build`.',
      );
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
