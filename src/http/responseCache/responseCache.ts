import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LRUCache } from 'lru-cache';
import { LOCALES, type Locale } from '../../domain/locale.js';
import type { CachedResponse } from './cachedResponse.js';

/** The content being served, as the cache sees it: its store history and public revisions. */
export interface ServedContent {
  readonly epoch: string;
  /** The public revision of these locales; of the whole content when none are named. */
  revisionFor(audience: 'public', locales?: readonly Locale[]): number;
}

// What a kept answer is as of: the store history, the locales it reads (undefined: it did not
// say, so all of the content) and their public revision when it was made.
interface Stamp {
  epoch: string;
  locales: readonly Locale[] | undefined;
  rev: number;
}

interface Kept {
  response: CachedResponse;
  stamp: Stamp;
}

// Apollo's CSRF prevention answers a GraphQL GET differently depending on these headers.
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * An in-process shared cache of whole public answers, keyed by the request (method, URL,
 * body, content type, Accept, CSRF headers) and the locale Accept-Language negotiates, bounded
 * by bytes (least recently used answers go first). Each answer is kept with the public
 * revision of the locales it reads and served only while that revision is the content's: an
 * edit its readers could see makes it unreachable at once, so nothing is ever served from an
 * older revision of their locale than the uncached path would serve; an edit only another
 * locale's readers see (a Korean-only edit, for English answers) leaves it.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, Kept>;
  // The content the kept answers were last checked against, and its revisions then.
  private checked: ServedContent | undefined;
  private checkedRevisions = '';

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, Kept>({
      maxSize: maxBytes,
      sizeCalculation: (kept) => Math.max(1, kept.response.size),
      // A single answer larger than a quarter of the cache is served live instead.
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    });
  }

  /** The cache key of a request whose Accept-Language negotiates `locale`. */
  keyOf(req: IncomingMessage & { rawBody?: Buffer }, locale: Locale): string {
    const body = req.rawBody && req.rawBody.length > 0 ? digest(req.rawBody) : '-';
    const preflight = PREFLIGHT_HEADERS.some((name) => req.headers[name] !== undefined) ? 1 : 0;
    const type = req.headers['content-type'] ?? '';
    // Apollo picks the answer's media type (application/json or graphql-response+json) by Accept.
    const accept = req.headers.accept ?? '';
    const accepts = accept.length > 128 ? digest(Buffer.from(accept)) : accept;
    const url = req.url ?? '';
    // Long URLs (GET queries with variables) are digested: keys stay small however long.
    const target = url.length > 512 ? digest(Buffer.from(url)) : url;
    return `${locale}|${req.method ?? ''}|${target}|${type}|${accepts}|${preflight}|${body}`;
  }

  /** The kept answer for a key, if it is as of the content served now. */
  get(key: string, content: ServedContent): CachedResponse | undefined {
    this.dropOutdated(content);
    const kept = this.entries.get(key);
    return kept && current(kept.stamp, content) ? kept.response : undefined;
  }

  /**
   * Keeps an answer made from `content`, reading `locales` (undefined: it did not say which,
   * so it goes by the whole public revision).
   */
  set(
    key: string,
    response: CachedResponse,
    content: ServedContent,
    locales: ReadonlySet<Locale> | undefined,
  ): void {
    const read = locales && LOCALES.filter((locale) => locales.has(locale));
    const rev = content.revisionFor('public', read);
    this.entries.set(key, { response, stamp: { epoch: content.epoch, locales: read, rev } });
  }

  /** Re-measures a kept answer that gained an encoding. */
  remeasure(key: string): void {
    const kept = this.entries.peek(key);
    if (kept) this.entries.set(key, kept);
  }

  /** Number of answers held. */
  get count(): number {
    return this.entries.size;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  // When the served content's revisions move, drops every answer they outdate: it could never
  // be served again, and an instance under steady edits would otherwise fill its whole budget
  // with dead answers. Checked once per snapshot, so a hit costs a comparison.
  private dropOutdated(content: ServedContent): void {
    if (content === this.checked) return;
    this.checked = content;
    const revisions = [
      content.epoch,
      content.revisionFor('public'),
      ...LOCALES.map((locale) => content.revisionFor('public', [locale])),
    ].join('|');
    if (revisions === this.checkedRevisions) return;
    this.checkedRevisions = revisions;
    const outdated: string[] = [];
    for (const [key, kept] of this.entries.entries()) {
      if (!current(kept.stamp, content)) outdated.push(key);
    }
    for (const key of outdated) this.entries.delete(key);
  }
}

function current(stamp: Stamp, content: ServedContent): boolean {
  return (
    stamp.epoch === content.epoch && stamp.rev === content.revisionFor('public', stamp.locales)
  );
}

function digest(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url');
}
