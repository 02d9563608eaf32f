import type { HTTPGraphQLResponse } from '@apollo/server';
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import vary from 'vary';
import { originFresh } from '../../http/originFreshness.js';

// What Express's res.send makes of the Content-Types Apollo answers a single result with
// (setCharset: the type parsed and formatted again by the `content-type` package, which
// lowercases and sorts parameter names). Any other type is not sent here.
const EXPRESS_CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
  [
    'application/graphql-response+json; charset=utf-8',
    'application/graphql-response+json; charset=utf-8',
  ],
  [
    'application/json; callbackSpec=1.0; charset=utf-8',
    'application/json; callbackspec=1.0; charset=utf-8',
  ],
]);

/** Whether `sendAsExpress` can send this answer (a complete body of a Content-Type it knows). */
export function sendableAsExpress(response: HTTPGraphQLResponse): boolean {
  const type = response.headers.get('content-type');
  return response.body.kind === 'complete' && type !== undefined && EXPRESS_CONTENT_TYPES.has(type);
}

/**
 * Sends an Apollo answer on a plain Node response exactly as our app's GraphQL route does:
 * Apollo's headers set one by one, Vary added to what CORS set (mergeVary), then Express's
 * `res.send` of the body string with the app's settings: the charset-normalized Content-Type,
 * Content-Length, a strong ETag of the body (the `etag` package's), and a 304 without body
 * headers when the request is fresh as the origin sees it (answerAsOrigin). Middleware that
 * wrapped the response (compression, the response cache's capture) sees the same calls.
 * Only for answers `sendableAsExpress` accepts.
 */
export function sendAsExpress(
  req: IncomingMessage,
  res: ServerResponse,
  response: HTTPGraphQLResponse,
): void {
  if (response.body.kind !== 'complete') throw new Error('only complete bodies are sent here');
  // @as-integrations/express5: each header with setHeader (through mergeVary), then the status.
  for (const [name, value] of response.headers) {
    if (name.toLowerCase() !== 'vary') {
      res.setHeader(name, value);
      continue;
    }
    const existing = res.getHeader('vary');
    res.setHeader(
      name,
      existing === undefined
        ? value
        : vary.append(Array.isArray(existing) ? existing.join(', ') : String(existing), value),
    );
  }
  res.statusCode = response.status ?? 200;
  // Express's res.send(string), generating an ETag: the body becomes a Buffer first.
  const type = String(res.getHeader('content-type'));
  res.setHeader('Content-Type', EXPRESS_CONTENT_TYPES.get(type) ?? type);
  let chunk: Buffer | string = Buffer.from(response.body.string, 'utf8');
  res.setHeader('Content-Length', String(chunk.length));
  res.setHeader('ETag', strongETag(chunk));
  if (originFresh(req, res)) res.statusCode = 304;
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.removeHeader('Transfer-Encoding');
    chunk = '';
  }
  res.end(chunk);
}

// The `etag` package's strong entity tag of a body: its length in hex and SHA-1 (base64, 27).
function strongETag(body: Buffer): string {
  if (body.length === 0) return '"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `"${body.length.toString(16)}-${hash}"`;
}
