import { EtagCache } from './etagCache.js';
import { errorFromDetails } from './errors.js';
import { DEFAULT_RETRY, retryDelay, sleep, type RetryPolicy } from './retry.js';

/** What the transport needs to know about the API and the caller. */
export interface TransportOptions {
  /** The API's base URL (`https://…/api`, without `/graphql`). */
  url: string;
  /** An editor's or admin's token; anonymous readers leave it out. */
  token?: string;
  /** The locale sent as Accept-Language (the API's default is Korean). */
  locale?: 'ko' | 'en';
  /** A fetch to use instead of the global one (a test's counter, a platform's own). */
  fetch?: typeof fetch;
  /** Retries on 503; `{ retries: 0 }` turns them off. */
  retry?: Partial<RetryPolicy>;
}

/** An answer with its body read: from the network, or the kept one a 304 confirmed. */
export interface HttpAnswer {
  status: number;
  body: string;
  /** True when a 304 confirmed the kept answer (no body travelled). */
  revalidated: boolean;
}

/**
 * Sends requests with the caller's locale and token, retries 503 answers with backoff (Retry-After
 * honoured, bounded), and revalidates GETs: the last answer with an ETag is kept per URL, sent
 * back as If-None-Match, and reused when the API answers 304.
 */
export class Transport {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly retry: RetryPolicy;
  private readonly kept = new EtagCache();

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    // Bound late so a wrapper installed on globalThis after creation is still the one called.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /**
   * A GET, revalidated with the kept answer of its URL. `keep` decides whether a fresh answer
   * may be kept (GraphQL keeps no error answers).
   */
  async get(
    url: string,
    headers: Record<string, string> = {},
    keep: (body: string) => boolean = () => true,
  ): Promise<HttpAnswer> {
    const kept = this.kept.get(url);
    const response = await this.send(url, {
      method: 'GET',
      headers: { ...headers, ...(kept ? { 'if-none-match': kept.etag } : {}) },
    });
    if (response.status === 304 && kept) {
      await response.body?.cancel();
      return { status: 200, body: kept.body, revalidated: true };
    }
    const body = await response.text();
    const etag = response.headers.get('etag');
    if (response.status === 200 && etag && keep(body)) this.kept.set(url, { etag, body });
    return { status: response.status, body, revalidated: false };
  }

  /**
   * Keeps the kept answer of `url` for `sameAnswerUrl` too: a URL that asks the API for the same
   * answer (an ETag names the content, not the URL), so its first GET is revalidated as well.
   */
  keepAlsoFor(url: string, sameAnswerUrl: string): void {
    const kept = this.kept.get(url);
    if (kept) this.kept.set(sameAnswerUrl, kept);
  }

  /** A POST of a JSON body (never kept, never revalidated). */
  async postJson(url: string, payload: unknown): Promise<HttpAnswer> {
    const response = await this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return { status: response.status, body: await response.text(), revalidated: false };
  }

  /** One request with the caller's headers, retried while the API answers 503. */
  private async send(url: string, init: RequestInit): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(this.options.locale ? { 'accept-language': this.options.locale } : {}),
      ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      ...(init.headers as Record<string, string>),
    };
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchFn(url, { ...init, headers });
      } catch (error) {
        throw errorFromDetails({
          code: 'NETWORK',
          message: `No answer from ${url}: ${error instanceof Error ? error.message : String(error)}`,
          status: null,
          issues: [],
          extensions: {},
        });
      }
      if (response.status !== 503 || attempt >= this.retry.retries) return response;
      await response.body?.cancel();
      await sleep(retryDelay(this.retry, attempt, response.headers.get('retry-after')));
    }
  }
}
