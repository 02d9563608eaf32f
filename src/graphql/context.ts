import type { ContentIndex } from '../content/contentIndex.js';
import type { ContentSnapshot } from '../content/snapshot.js';
import type { Locale } from '../domain/locale.js';
import type { LocaleFallbackRecorder } from './localeFallbacks.js';

/** Per-request context of every resolver. */
export interface GraphQLContext {
  /** The snapshot this whole request reads (one revision, even if a refresh lands mid-request). */
  snapshot: ContentSnapshot;
  /** The indexes this reader may see (published only, for anonymous readers). */
  index: ContentIndex;
  /** Locale from Accept-Language (else Korean), used where no `locale` argument is given. */
  defaultLocale: Locale;
  fallbacks: LocaleFallbackRecorder;
}

/** A content object travelling down the resolver tree with the locale its subtree is served in. */
export interface View<T> {
  item: T;
  locale: Locale;
}

/** Wraps an item with the locale its subtree is served in. */
export function view<T>(item: T, locale: Locale): View<T> {
  return { item, locale };
}

/** The locale a root field serves: its `locale` argument, else the request's default. */
export function rootLocale(args: { locale?: Locale | null }, context: GraphQLContext): Locale {
  return args.locale ?? context.defaultLocale;
}
