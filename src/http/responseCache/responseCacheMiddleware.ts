import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import HttpCacheSemantics from 'http-cache-semantics';
import Negotiator from 'negotiator';
import vary from 'vary';
import type { ReadModel } from '../../content/readModel.js';
import { recordOf } from '../../observability/requestLog.js';
import { GRAPHQL_PATH } from '../httpErrors.js';
import { negotiateLocale } from '../negotiateLocale.js';
import { originFresh } from '../originFreshness.js';
import {
  CachedResponse,
  ENCODINGS,
  REPRESENTATION_HEADERS,
  type Encoding,
} from './cachedResponse.js';
import { notedLocales } from './localesRead.js';
import type { ResponseCache, ServedContent } from './responseCache.js';

// The parts of a GraphQL request body that tell an APQ registration.
interface ApqEnvelope {
  query?: unknown;
  extensions?: { persistedQuery?: unknown };
}

// What the framework's body parser adds to a request (nothing yet where a request enters).
type RequestWithBody = IncomingMessage & { rawBody?: Buffer; body?: ApqEnvelope | null };

// Requests that missed, from the lookup to the capturing middleware: their key, and the
// content served when they were looked up (their answer is as of it, or of a newer one).
const pending = new WeakMap<IncomingMessage, { key: string; content: ServedContent }>();

/**
 * The response cache's two halves. `front` runs before the app (in the function's handler)
 * and answers a hit with stored bytes, already compressed, without the app's router, GraphQL
 * or a REST handler; `capture` (inside the app, after compression, so it sees the uncompressed
 * body) stores the answer to a request `front` missed when an HTTP shared cache could store it
 * (public, 200, no no-store), judged by http-cache-semantics. Only anonymous reads are cached:
 * a bearer token may see drafts. `front` needs nothing Express adds to a request, so for GETs
 * (whose key needs no parsed body) it also runs on the plain Node request, where the request
 * enters the process, before the functions framework's own middleware.
 */
export function responseCacheMiddleware(
  cache: ResponseCache,
  content: Promise<ReadModel>,
  /** What a hit answered before the app runs still needs (the CORS headers). */
  prepare: RequestHandler,
) {
  // Kept once known, so that the hot path (a hit) does not wait on a promise per request.
  let readModel: ReadModel | undefined;
  content.then(
    (known) => (readModel = known),
    () => undefined, // the live path explains an unavailable store
  );
  // The kept answer for a request, if any; a miss leaves its key for `capture`.
  const lookup = (req: RequestWithBody): { key: string; entry: CachedResponse } | undefined => {
    // A GET that missed where it entered the process reaches the function's door too: it has
    // its key already, and looking again would only compute the same miss.
    if (pending.has(req) || !eligible(req)) return undefined;
    // Looking costs no store work (a refused query must cost none); a hit then counts as a
    // read and lets the read model check the store once its TTL is over, as a live read does.
    const snapshot = readModel?.peek();
    if (!readModel || !snapshot) return undefined; // the live path loads, or explains why not
    const key = cache.keyOf(req, negotiateLocale(req.headers['accept-language']));
    // Only public answers are kept: one stays as long as the public revision of the locales it
    // reads does (drafts, and text only other locales' readers see, move neither).
    const entry = cache.get(key, snapshot);
    if (!entry) {
      pending.set(req, { key, content: snapshot });
      return undefined;
    }
    readModel.current().catch(() => undefined);
    return { key, entry };
  };

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    hit: { key: string; entry: CachedResponse },
  ) => {
    const record = recordOf(req);
    record.viewer = 'anonymous';
    record.cache = 'hit';
    if (hit.entry.operation) record.operation = hit.entry.operation;
    send(req, res, hit.entry, () => cache.remeasure(hit.key));
  };

  /**
   * The front door, called with the request before the app: a hit is answered here (after
   * `prepare`), without the app's router and middleware; returns whether it was.
   */
  const front = (req: IncomingMessage, res: ServerResponse): boolean => {
    const hit = lookup(req);
    if (!hit) return false;
    prepare(req as Request, res as Response, (error?: unknown) => {
      if (error === undefined || error === null) answer(req, res, hit);
      else res.destroy();
    });
    return true;
  };

  const capture = (req: Request, res: Response, next: NextFunction): void => {
    const miss = pending.get(req);
    if (miss === undefined) return next();
    recordOf(req).cache = 'miss';
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunks, chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'function') collect(chunks, chunk, rest[0]);
      store(cache, miss, req, res, chunks);
      return end(chunk, ...rest);
    }) as Response['end'];
    next();
  };

  return { front, capture };
}

function eligible(req: RequestWithBody): boolean {
  if (req.headers.authorization !== undefined) return false;
  // The path as received (origin form); anything else is left to the app.
  const path = (req.url ?? '').split('?', 1)[0]!;
  if (req.method === 'GET') return path === GRAPHQL_PATH || path.startsWith('/v1/');
  if (req.method !== 'POST' || path !== GRAPHQL_PATH) return false;
  // Before the framework has parsed it, a POST's body is unknown: no key, no answer.
  if (req.body === undefined) return false;
  // An automatic persisted query's registration must reach Apollo, or the hash stays unknown.
  const body = req.body;
  return !(body?.query !== undefined && body.extensions?.persistedQuery !== undefined);
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  entry: CachedResponse,
  remeasure: () => void,
): void {
  res.statusCode = entry.status;
  for (const [name, value] of entry.headerList) res.setHeader(name, value);
  if (entry.vary !== undefined) {
    // CORS may have set Vary: Origin for this request already.
    if (res.getHeader('vary') === undefined) res.setHeader('Vary', entry.vary);
    else vary(res, entry.vary);
  }
  if (req.headers['if-none-match'] !== undefined && originFresh(req, res)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const encoding = entry.compressible ? bestEncoding(req) : 'identity';
  const fresh = !entry.has(encoding);
  const body = entry.bodyIn(encoding);
  if (fresh) remeasure();
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}

// negotiator 1.x takes a preference order for ties (its published types predate it): with
// "gzip, deflate, br" all at q=1, brotli wins.
interface EncodingNegotiator {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
}

function bestEncoding(req: IncomingMessage): Encoding {
  if (!req.headers['accept-encoding']) return 'identity';
  const negotiator = new Negotiator(req) as unknown as EncodingNegotiator;
  const chosen = negotiator.encoding([...ENCODINGS], { preferred: [...ENCODINGS] });
  return (ENCODINGS as readonly string[]).includes(chosen ?? '')
    ? (chosen as Encoding)
    : 'identity';
}

function collect(chunks: Buffer[], chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null) return;
  if (Buffer.isBuffer(chunk)) chunks.push(chunk);
  else if (typeof chunk === 'string') {
    chunks.push(
      Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
    );
  }
}

function store(
  cache: ResponseCache,
  miss: { key: string; content: ServedContent },
  req: Request,
  res: Response,
  chunks: Buffer[],
): void {
  if (res.statusCode !== 200 || res.getHeader('content-encoding') !== undefined) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined)
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const policy = new HttpCacheSemantics(
    { method: req.method, url: req.originalUrl, headers: req.headers },
    { status: res.statusCode, headers },
    { shared: true },
  );
  if (!policy.storable()) return;
  const kept: Record<string, string> = {};
  for (const name of REPRESENTATION_HEADERS) {
    const value = headers[name];
    if (value === undefined) continue;
    // Origin (CORS) and Accept-Encoding (compression) are added per request when serving.
    kept[name] =
      name === 'vary'
        ? value
            .split(',')
            .map((field) => field.trim())
            .filter((field) => !/^(origin|accept-encoding)$/i.test(field))
            .join(', ')
        : value;
  }
  if (kept.vary === '') delete kept.vary;
  const response = new CachedResponse(200, kept, Buffer.concat(chunks), recordOf(req).operation);
  // Stamped with the content looked up before the answer was made: if a newer one served it,
  // the stamp is older than the answer, which then only misses once more, never serves stale.
  cache.set(miss.key, response, miss.content, notedLocales(req));
}
