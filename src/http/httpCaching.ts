import type { Request, Response } from 'express';
import type { Locale } from '../domain/locale.js';
import { localesRead } from './responseCache/localesRead.js';

/** What a cacheable answer depends on: what its validator (ETag) names. */
export interface AnswerVersion {
  epoch: string;
  /**
   * The revision of what the answer shows: for public answers, the public revision of the
   * locales it reads (see ContentSnapshot.revisionFor), so an edit only another locale's
   * readers see keeps it; for preview answers, the store's.
   */
  rev: number;
  /** The locales the answer holds (a bundle may hold both). */
  locales: readonly Locale[];
  /** The locales whose content it reads: its own, or every one (a search matches all). */
  reads: readonly Locale[];
  /** Public answers may be shared by caches; preview answers (tokens) never are. */
  audience: 'public' | 'preview';
  /** True when Accept-Language chose the locale: caches must keep one copy per language. */
  varyOnLanguage: boolean;
}

/** How long shared and private caches may keep a public answer (Cache-Control). */
export interface PublicLifetimes {
  maxAge: number;
  sMaxAge: number;
}

/**
 * Sets the caching headers of a GET answer and reports whether the client's copy is still good.
 * The ETag names the store history, the content revision (of the locales the answer reads), the
 * locale and the audience: what its readers see of the answer to one URL is determined by
 * those, so a match is answered 304 before anything is built. Public answers are `public` with
 * max-age/s-maxage; preview answers `private, no-store`.
 */
export function applyCaching(
  req: Request,
  res: Response,
  version: AnswerVersion,
  lifetimes: PublicLifetimes,
): boolean {
  // No comma inside: If-None-Match is a comma-separated list, and `fresh` (like many caches)
  // splits it on commas without reading quotes, so "ko,en" never matched and bundles never got
  // their 304.
  const locales = version.locales.join('+');
  res.setHeader(
    'ETag',
    `W/"${version.epoch.slice(0, 8)}-${version.rev}-${locales}-${version.audience}"`,
  );
  res.setHeader(
    'Cache-Control',
    version.audience === 'public'
      ? `public, max-age=${lifetimes.maxAge}, s-maxage=${lifetimes.sMaxAge}`
      : 'private, no-store',
  );
  // The response cache keeps the answer for as long as these locales' revision stays.
  for (const locale of version.reads) localesRead(req).add(locale);
  // The token changes what is served (drafts), so shared caches must not mix the two.
  res.vary('Authorization');
  if (version.varyOnLanguage) res.vary('Accept-Language');
  return req.fresh;
}
