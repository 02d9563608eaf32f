import type { Viewer } from '../auth/viewer.js';
import type { ContentIndex } from '../content/contentIndex.js';
import type { EditDeps } from '../editing/editor.js';
import type { Audience, ContentSnapshot } from '../content/snapshot.js';
import type { Locale } from '../domain/locale.js';
import type { RequestRecord } from '../observability/requestLog.js';
import type { LocaleFallbackRecorder } from './localeFallbacks.js';
import type { WebhookService } from '../webhooks/webhookService.js';

/** Per-request context of every resolver. */
export interface GraphQLContext {
  /**
   * The snapshot this request reads: one revision for a whole query, even if a refresh lands
   * mid-request; a mutation moves it to the revision it wrote (see `adoptLatest`).
   */
  snapshot: ContentSnapshot;
  /** The indexes this reader may see (published only for anonymous readers, drafts for writers). */
  index: ContentIndex;
  /** Which of the snapshot's indexes `index` is. */
  audience: Audience;
  /** Who is asking. */
  viewer: Viewer;
  /** What edits need: the store, the cache, whether the API is writable. */
  edit: EditDeps;
  /** The webhook subscriptions and their deliveries (admin operations). */
  webhooks?: WebhookService;
  /** After a mutation: read the revision it wrote, so its result and later fields see the change. */
  adoptLatest(): Promise<void>;
  /** Sets `snapshot` and `index`; called once the operation has passed validation. */
  loadSnapshot(): Promise<void>;
  /** Locale from Accept-Language (else Korean), used where no `locale` argument is given. */
  defaultLocale: Locale;
  /**
   * The locales whose content the answer reads (see http/responseCache/localesRead): every
   * root field adds the one it serves (see rootLocale), a search both. A public answer is kept
   * by the response cache while their revision stays.
   */
  localesRead: Set<Locale>;
  fallbacks: LocaleFallbackRecorder;
  /** The request's log record (operation, error codes), when the request is being logged. */
  log?: RequestRecord;
  /**
   * True when the fast path at the process's door tried this request and left it to the app
   * (see fastPath/declinedRequests): the fast path behind Express does not try it again.
   */
  fastPathDeclined?: boolean;
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

/**
 * The locale a root field serves: its `locale` argument, else the request's default. Noted as
 * one the answer reads.
 */
export function rootLocale(args: { locale?: Locale | null }, context: GraphQLContext): Locale {
  const locale = args.locale ?? context.defaultLocale;
  context.localesRead.add(locale);
  return locale;
}
