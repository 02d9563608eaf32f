import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import fresh from 'fresh';

/**
 * Whether the client's copy is still good: its If-None-Match (or If-Modified-Since) matches the
 * answer's validators, for a GET or HEAD answered 2xx or 304.
 *
 * Why not Express's `req.fresh`: the `fresh` package calls every request with `Cache-Control:
 * no-cache` stale, which is right for a cache in the middle and wrong for the origin. `no-cache`
 * asks that a stored answer be validated with the origin before use (RFC 9111 §5.2.1.4); a 304
 * from the origin *is* that validation. Node's `fetch` and browsers send `no-cache` with a
 * manual If-None-Match, so those clients got the full body every time.
 */
export function originFresh(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const status = res.statusCode;
  if (!((status >= 200 && status < 300) || status === 304)) return false;
  const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = req.headers;
  return fresh(
    { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince },
    { etag: res.getHeader('etag'), 'last-modified': res.getHeader('last-modified') },
  );
}

/**
 * Makes the app's `req.fresh` (which `res.send` reads to answer 304, and our REST routes read
 * before building anything) the origin's answer: `originFresh`. Only this app's requests.
 */
export function answerAsOrigin(app: Express): void {
  Object.defineProperty(app.request, 'fresh', {
    configurable: true,
    enumerable: true,
    get(this: IncomingMessage & { res: ServerResponse }) {
      return originFresh(this, this.res);
    },
  });
}
