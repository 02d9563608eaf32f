import express, { type NextFunction, type Request, type Response } from 'express';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.js';
import { logger } from '../observability/logger.js';
import { hasRecord, logRequestWhenDone, recordOf } from '../observability/requestLog.js';
import typeis from 'type-is';
import { refuseOversizedBody, type BodyLimitPolicy } from './bodyLimit.js';
import { answerClientErrorsAsJson } from './clientErrors.js';
import { jsonErrorHandler, notFoundHandler } from './errorHandlers.js';
import { requestPath, sendHttpError } from './httpErrors.js';
import { BodyRefusal } from './readBody.js';
import { receiveBody } from './receiveBody.js';

const GUARDED = Symbol.for('llm-course-api.frameworkErrorGuard');

// The functions framework's default ignored routes for HTTP functions.
const FRAMEWORK_IGNORED_PATHS = new Set(['/favicon.ico', '/robots.txt']);

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
 * The same entry point is where a request first reaches our code, so it also refuses bodies
 * over the limit by their declared length before reading any, receives the others itself
 * within the limit (see receiveBody: the framework's parsers would read up to 1 GB and inflate
 * without bound), starts each request's structured log line (options `bodyLimit` and
 * `requestLog`), and answers GETs the response cache holds (see bindFrontDoor). Requests Node's HTTP
 * parser refuses before any of this (headers too large …) are answered as JSON too.
 *
 * We patch the `express` module that the framework itself resolves, so this holds however
 * the process was started: `functions-framework --target=api`, `getTestServer`, or Cloud Functions.
 */
export function installFrameworkErrorGuard(
  options: {
    bodyLimit?: BodyLimitPolicy;
    requestLog?: { projectId?: string };
  } = {},
): void {
  if (options.bodyLimit) bodyLimits.add(options.bodyLimit);
  if (options.requestLog) requestLog = options.requestLog;
  // The copy of express our own import resolves to (the one a test runner's module registry
  // shares with the framework) and the copy the framework resolves on disk: the same object
  // when npm dedupes express, as it does here; both are guarded in case it ever does not.
  const requireFromHere = createRequire(import.meta.url);
  const requireFromFramework = createRequire(
    requireFromHere.resolve('@google-cloud/functions-framework'),
  );
  answerClientErrorsAsJson();
  guard(express.application as unknown as ExpressPrototype);
  guard((requireFromFramework('express') as { application: ExpressPrototype }).application);
}

// The body limits of the APIs in this process (one in production). The framework itself would
// parse up to 1 GB; the guard lets it read no more than the most generous of these allows.
const bodyLimits = new Set<BodyLimitPolicy>();

// Whether (and for which project's traces) every request gets a structured log line.
let requestLog: { projectId?: string } | undefined;

/** Answers a request from a response cache if it holds the answer; returns whether it did. */
export type CachedAnswers = (req: IncomingMessage, res: ServerResponse) => boolean;

// Each server's function's response cache. A GET it holds is answered where the request enters
// the process: the framework's body parsers, execution context and timeout middleware have
// nothing to do for an answer already made, and skipping them is most of the cost of a hit.
const frontDoors = new WeakMap<object, CachedAnswers>();

/**
 * Lets `answer` serve the GETs that enter the process through `server` (the HTTP server a request
 * arrived on: `req.socket.server`). The API binds itself on the first request it handles: no
 * answer can be cached before one has gone through the API, and each server of a process (one
 * in production, one per API in tests) reaches only its own API's cache.
 */
export function bindFrontDoor(server: object, answer: CachedAnswers): void {
  frontDoors.set(server, answer);
}

/** The HTTP server a request arrived on (Node sets `socket.server` on a server's sockets). */
export function serverOf(req: IncomingMessage): object | undefined {
  return (req.socket as { server?: object } | null)?.server;
}

/**
 * Answers a request live where it enters the process, if it can: false (at once) or a promise of
 * false when it leaves the request to the framework untouched, a promise of true once it has
 * answered. It runs once the body is received (see receiveBody), after the response cache.
 */
export type LiveAnswers = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | false;

// Each server's live door (the API's GraphQL fast path): what it answers skips the framework's
// Express app, its middleware and ours, which cost several times the answer's own execution.
const liveDoors = new WeakMap<object, LiveAnswers>();

/**
 * Lets `answer` try the requests that enter the process through `server` (after the response
 * cache's door, once their body is received), before the framework's own middleware; what it
 * leaves goes on to the framework unchanged. Bound by the API on its first request, like
 * bindFrontDoor.
 */
export function bindLiveDoor(server: object, answer: LiveAnswers): void {
  liveDoors.set(server, answer);
}

// The door bound for the server a request came through (frontDoors or liveDoors).
function doorOf<Door>(doors: WeakMap<object, Door>, req: IncomingMessage): Door | undefined {
  const server = serverOf(req);
  return server ? doors.get(server) : undefined;
}

// A door's failure, logged with its stack: out here nothing else would report it.
function logDoorFailure(error: unknown, message: string): void {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger().error({ stack_trace: stack }, message);
}

// Out here no function wrapper turns an exception into a 500: one would reach the framework's
// uncaught-exception handler, which ends the process. So a failing lookup is logged and the
// request goes on to the framework, unless the answer had already started.
function answeredFromCache(
  answer: CachedAnswers,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  try {
    return answer(req, res);
  } catch (error) {
    logDoorFailure(error, 'response cache lookup failed; answering live');
    if (!res.headersSent) return false;
    res.destroy();
    return true;
  }
}

// As for the response cache's door: nothing may escape out here. A door that failed before it
// started its answer leaves the request to the framework; one that failed after is cut off.
function tryLiveDoor(
  answer: LiveAnswers,
  req: IncomingMessage,
  res: ServerResponse,
  framework: () => void,
): void {
  const failed = (error: unknown) => {
    logDoorFailure(error, 'live answer at the door failed; answering as usual');
    if (res.headersSent || res.destroyed) res.destroy();
    else framework();
  };
  let answered: Promise<boolean> | false;
  try {
    answered = answer(req, res);
  } catch (error) {
    return failed(error);
  }
  if (answered === false) return framework();
  answered
    .then((done) => {
      if (!done) framework();
    }, failed)
    .catch((error: unknown) => finalJsonHandler(error, req as Request, res as Response));
}

function allowedBodyBytes(req: IncomingMessage): number {
  let allowed = bodyLimits.size === 0 ? Infinity : 0;
  for (const policy of bodyLimits) allowed = Math.max(allowed, policy(req));
  return allowed;
}

function guard(application: ExpressPrototype): void {
  if (application[GUARDED]) return;
  const original = application.handle;
  application.handle = function (this: unknown, req, res, callback) {
    if (callback) return original.call(this, req, res, callback);
    // The framework's app and then ours are both called this way; the first call is where the
    // request enters the process, before the framework reads its body: the log line covers the
    // requests the framework or this guard refuses, and latency includes body parsing.
    const entering = !hasRecord(req);
    recordOf(req);
    if (entering && requestLog) logRequestWhenDone(req, res, requestLog.projectId);
    // Refuse an oversized body by its declared length, before the framework reads any of it.
    const declared = entering ? Number(req.headers['content-length']) : NaN;
    if (Number.isFinite(declared) && declared > 0) {
      const allowed = allowedBodyBytes(req);
      if (declared > allowed) return refuseOversizedBody(req, res, allowed);
    }
    // The framework answers these paths itself (its default ignored routes) with an empty 404;
    // ours is JSON, like every other answer, and equally skips the function.
    if (entering && FRAMEWORK_IGNORED_PATHS.has(requestPath(req))) return notFoundHandler(req, res);
    const answer = entering && req.method === 'GET' ? doorOf(frontDoors, req) : undefined;
    if (answer && answeredFromCache(answer, req, res)) return;
    const framework = () =>
      original.call(this, req, res, (error?: unknown) => finalJsonHandler(error, req, res));
    const live = entering ? doorOf(liveDoors, req) : undefined;
    const next = live ? () => tryLiveDoor(live, req, res, framework) : framework;
    // The body is received here, within the limit, before the framework's parsers would read it.
    if (entering && typeis.hasBody(req)) {
      receiveBody(req, allowedBodyBytes(req))
        .then(next, (error: unknown) => refuseBody(error, req, res))
        // Nothing may escape as an unhandled rejection: that would end the process.
        .catch((error: unknown) => finalJsonHandler(error, req, res));
      return;
    }
    return next();
  };
  application[GUARDED] = true;
}

// Answers a body that could not be received; anything but a BodyRefusal is a bug, answered as one.
function refuseBody(error: unknown, req: Request, res: Response): void {
  if (!(error instanceof BodyRefusal)) return finalJsonHandler(error, req, res);
  if (error.aborted) return;
  if (error.code === ErrorCode.PAYLOAD_TOO_LARGE)
    return refuseOversizedBody(req, res, allowedBodyBytes(req));
  // Let the rest of the body drain, so the client reads this answer rather than a reset.
  if (!req.complete) req.resume();
  sendHttpError(req, res, error.code, error.message, error.issues);
}

function finalJsonHandler(error: unknown, req: Request, res: Response): void {
  // Let an unread body drain, as Express's own final handler does, so the socket stays usable.
  if (!req.complete) req.resume();
  if (error === undefined || error === null || error === 'route' || error === 'router') {
    notFoundHandler(req, res);
  } else {
    jsonErrorHandler(error, req, res, () => undefined);
  }
}
