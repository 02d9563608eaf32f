import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

/** What the explorer adds to every request besides what the headers tab says. */
export interface RequestOptions {
  /** A bearer token (editor or admin), held in this tab's memory only; empty for anonymous. */
  token: string;
  /** The Accept-Language to send; empty lets the browser's own header stand. */
  language: string;
}

/**
 * A fetcher for this API's /graphql on the page's own origin: POST with JSON (what the API's
 * CSRF rule accepts from a browser), the token as `Authorization: Bearer`, the chosen locale as
 * `Accept-Language`. Read at each request, so a change applies to the next run.
 */
export function apiFetcher(options: () => RequestOptions): Fetcher {
  const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.href).toString() });
  return (params, opts) => {
    const { token, language } = options();
    const headers: Record<string, string> = { ...(opts?.headers ?? {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    if (language) headers['accept-language'] = language;
    return fetcher(params, { ...opts, headers });
  };
}
