import type { Application, NextFunction, Request, Response } from 'express';
import { createRequire } from 'node:module';
import { ErrorCode } from '../errors.js';
import { logUnexpected } from './errorHandlers.js';
import { classifyHttpError, sendHttpError } from './httpErrors.js';

const GUARDED = Symbol.for('llm-course-api.frameworkErrorGuard');

type Handle = (req: Request, res: Response, callback?: NextFunction) => void;

// The part of Express's shared application prototype this guard touches.
interface ExpressPrototype {
  handle: Handle;
  [GUARDED]?: boolean;
}

/**
 * Makes the functions framework's own Express app answer its errors as JSON.
 *
 * Why: the framework parses request bodies before our function runs and registers no error
 * handler, so a malformed JSON body is answered by Express's default final handler: an HTML
 * page with a stack trace and file paths. The framework offers no hook for this (its open
 * pull request #685 would forward such errors to the user's app), so we give the framework's
 * Express the final handler it lacks: when an app is the server's top-level handler (called
 * without a `next` callback), errors and unmatched requests end in our JSON answer instead.
 * Apps called with a callback (mounted apps) are untouched. Idempotent.
 *
 * We patch the `express` module that the framework itself resolves, so this holds however
 * the process was started: `functions-framework --target=api`, `getTestServer`, or Cloud Functions.
 */
export function installFrameworkErrorGuard(): void {
  const requireFromHere = createRequire(import.meta.url);
  const requireFromFramework = createRequire(
    requireFromHere.resolve('@google-cloud/functions-framework'),
  );
  const express = requireFromFramework('express') as { application: ExpressPrototype };
  const application = express.application;
  if (application[GUARDED]) return;
  const original = application.handle;
  const guarded: Handle = function (this: Application, req, res, callback) {
    if (callback) return original.call(this, req, res, callback);
    return original.call(this, req, res, (error?: unknown) => finalJsonHandler(error, req, res));
  };
  application.handle = guarded;
  application[GUARDED] = true;
}

function finalJsonHandler(error: unknown, req: Request, res: Response): void {
  // Let an unread body drain, as Express's own final handler does, so the socket stays usable.
  if (!req.complete) req.resume();
  if (error === undefined || error === null || error === 'route' || error === 'router') {
    sendHttpError(req, res, 404, ErrorCode.NOT_FOUND, `No route for ${req.method} ${req.path}.`);
    return;
  }
  const classified = classifyHttpError(error);
  if (classified.status >= 500) logUnexpected(error);
  sendHttpError(req, res, classified.status, classified.code, classified.message);
}
