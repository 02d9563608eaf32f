import type { Request, Response } from 'express';

/** What a cacheable answer depends on. */
export interface CacheKey {
  epoch: string;
  rev: number;
  /** The locales the answer holds (a bundle may hold both). */
  locales: readonly string[];
  /** Public answers may be shared by caches; preview answers (tokens) never are. */
  audience: 'public' | 'preview';
  /** True when Accept-Language chose the locale: caches must keep one copy per language. */
  varyOnLanguage: boolean;
}

/** Cache-Control settings of public answers. */
export interface CachePolicy {
  maxAge: number;
  sMaxAge: number;
}

/**
 * Sets the caching headers of a GET answer and reports whether the client's copy is still good.
 * The ETag names the store history, the content revision, the locale and the audience: the
 * answer to one URL is fully determined by those, so a match is answered 304 before anything
 * is built. Public answers are `public` with max-age/s-maxage; preview answers `private, no-store`.
 */
export function applyCaching(
  req: Request,
  res: Response,
  key: CacheKey,
  policy: CachePolicy,
): boolean {
  // No comma inside: If-None-Match is a comma-separated list, and `fresh` (like many caches)
  // splits it on commas without reading quotes, so "ko,en" never matched and bundles never got
  // their 304.
  const locales = key.locales.join('+');
  res.setHeader('ETag', `W/"${key.epoch.slice(0, 8)}-${key.rev}-${locales}-${key.audience}"`);
  res.setHeader(
    'Cache-Control',
    key.audience === 'public'
      ? `public, max-age=${policy.maxAge}, s-maxage=${policy.sMaxAge}`
      : 'private, no-store',
  );
  // The token changes what is served (drafts), so shared caches must not mix the two.
  res.vary('Authorization');
  if (key.varyOnLanguage) res.vary('Accept-Language');
  return req.fresh;
}
