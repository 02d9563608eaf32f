import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import type { Locale } from '../../domain/locale.js';
import type { CachedResponse } from './cachedResponse.js';

/** What besides the request itself decides an answer: content version, locale, audience. */
export interface CacheScope {
  /**
   * Store history and public revision of the snapshot that answers (`epoch:publicRev`): only
   * public answers are kept, and a draft's edit leaves them as they are.
   */
  version: string;
  /** The locale Accept-Language negotiates (answers may depend on it). */
  locale: Locale;
}

// Apollo's CSRF prevention answers a GraphQL GET differently depending on these headers.
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * An in-process shared cache of whole public answers, keyed by the request (method, URL,
 * body, content type, Accept, CSRF headers) and its scope (content version, negotiated locale),
 * bounded by bytes (least recently used answers go first). Because the content version is
 * part of the key, an edit of public content makes every older answer unreachable at once:
 * nothing is ever served from an older revision than the uncached path would serve.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private version: string | undefined;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.size),
      // A single answer larger than a quarter of the cache is served live instead.
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    });
  }

  /**
   * The cache key of a request in a scope. A scope with a newer content version drops every
   * kept answer: their keys name the old version, so they could never be served again, and
   * an instance under steady edits would otherwise fill its whole budget with dead answers.
   */
  keyOf(req: IncomingMessage & { rawBody?: Buffer }, scope: CacheScope): string {
    if (scope.version !== this.version) {
      this.version = scope.version;
      this.entries.clear();
    }
    const body = req.rawBody && req.rawBody.length > 0 ? digest(req.rawBody) : '-';
    const preflight = PREFLIGHT_HEADERS.some((name) => req.headers[name] !== undefined) ? 1 : 0;
    const type = req.headers['content-type'] ?? '';
    // Apollo picks the answer's media type (application/json or graphql-response+json) by Accept.
    const accept = req.headers.accept ?? '';
    const accepts = accept.length > 128 ? digest(Buffer.from(accept)) : accept;
    const url = req.url ?? '';
    // Long URLs (GET queries with variables) are digested: keys stay small however long.
    const target = url.length > 512 ? digest(Buffer.from(url)) : url;
    return `${scope.version}|${scope.locale}|${req.method ?? ''}|${target}|${type}|${accepts}|${preflight}|${body}`;
  }

  /** The cached answer for a key, if any. */
  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  /** Keeps an answer (or re-measures one that gained an encoding). */
  set(key: string, entry: CachedResponse): void {
    this.entries.set(key, entry);
  }

  /** Number of answers held. */
  get count(): number {
    return this.entries.size;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

function digest(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url');
}
