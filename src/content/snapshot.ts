import { OutdatedTranslations } from './outdatedTranslations.js';
import { ContentIndex } from './contentIndex.js';
import { SearchIndex } from '../search/searchIndex.js';
import type { Locale } from '../domain/locale.js';
import type { DocumentSet } from './entries.js';
import { publicLocaleRevisions, type LocaleRevisions } from './localeRevisions.js';
import { publicRevision } from './publicHistory.js';
import type { Tombstones } from './tombstones.js';
import { VisibilityDependents, type DocumentKey } from './visibilityDependents.js';

/** Who is reading: anonymous readers see PUBLISHED content, editors and admins see drafts too. */
export type Audience = 'public' | 'preview';

/**
 * The read model of one content revision: the live documents and their indexes.
 * Immutable, its search index included (the next revision's shares parts of it but never
 * changes it); a refresh builds a new snapshot and swaps it in.
 */
export class ContentSnapshot {
  readonly public: ContentIndex;
  private previewIndex: ContentIndex | undefined;
  /** This revision's outdated translations, found when an English reader first needs them. */
  private readonly translations: OutdatedTranslations;
  /** Who depends on whose visibility: made when a publication first changes, then kept up. */
  private dependents: VisibilityDependents | undefined;

  /** The search index of this revision (built in the background; searches never wait for it). */
  readonly search: SearchIndex;

  /** Deleted documents (for sync). */
  readonly tombstones: Tombstones;
  /** The store history this snapshot belongs to (see ChangeBatch.epoch). */
  readonly epoch: string;
  /** Revision of the full read this line of snapshots started from. */
  readonly loadRev: number;
  /**
   * Concepts and lessons (`collection/id`) whose publication (visibility to anonymous readers)
   * changed after `loadRev`, with the revision it changed at: sync must then re-send or
   * withdraw what depends on them.
   */
  readonly visibilityFlips: ReadonlyMap<string, number>;
  /**
   * The revision of the last change anonymous readers could see (see publicRevision): public
   * answers, their validators and cache keys go by it, so editing drafts moves none of them.
   */
  readonly publicRev: number;
  /**
   * Per locale, the revision of the last change its anonymous readers could see (see
   * publicLocaleRevisions): a Korean-only edit leaves the English one where it was, so English
   * answers, their validators, cache keys and sync tokens stay as they were.
   */
  readonly publicLocaleRevs: LocaleRevisions;

  /**
   * @param extras.search the search index over these documents' concepts, when the snapshot
   *   before made it (see SearchIndex.next: it shares what did not change); else a new one, not
   *   built at start-up (the API starts its build after its first answer).
   */
  constructor(
    readonly rev: number,
    readonly documents: DocumentSet,
    readonly loadedAt: Date,
    extras: {
      search?: SearchIndex | undefined;
      tombstones?: Tombstones;
      epoch?: string;
      loadRev?: number;
      visibilityFlips?: ReadonlyMap<string, number>;
      /** Known from the snapshot before (see ReadModel); else found by a scan. */
      publicRev?: number;
      /** Likewise. */
      publicLocaleRevs?: LocaleRevisions;
      /**
       * The snapshot of the revision before and the documents written since (`collection/id`):
       * this one's indexes are then made from that one's, in proportion to the change.
       */
      from?: { previous: ContentSnapshot; changed: readonly DocumentKey[] };
    } = {},
  ) {
    const from = extras.from;
    this.translations = from
      ? from.previous.translations.next(documents, from.changed)
      : new OutdatedTranslations(documents);
    this.search = extras.search ?? new SearchIndex(documents.concepts);
    this.tombstones = extras.tombstones ?? new Map();
    this.epoch = extras.epoch ?? '';
    this.loadRev = extras.loadRev ?? rev;
    this.visibilityFlips = extras.visibilityFlips ?? new Map();
    this.publicRev = extras.publicRev ?? publicRevision(documents, this.tombstones);
    this.publicLocaleRevs =
      extras.publicLocaleRevs ?? publicLocaleRevisions(documents, this.tombstones);
    if (from) {
      const { previous, changed } = from;
      this.dependents = previous.dependents?.next(previous.documents, documents, changed);
      const dependents = () => (this.dependents ??= VisibilityDependents.build(documents));
      this.public = previous.public.next(documents, changed, dependents, this.translations);
      // An editor's preview of the revision before is kept up the same way.
      this.previewIndex = previous.previewIndex?.next(
        documents,
        changed,
        dependents,
        this.translations,
      );
    } else {
      this.public = new ContentIndex(documents, false, this.translations);
    }
  }

  /**
   * The revision an audience's answers are as of: drafts move only the preview's. A public
   * answer that names the locales it shows goes by theirs (the highest of them): an edit its
   * readers cannot see leaves it as it was. Preview answers (private, never cached) go by the
   * store's revision whatever their locale.
   */
  revisionFor(audience: Audience, locales?: readonly Locale[]): number {
    if (audience === 'preview') return this.rev;
    if (locales === undefined || locales.length === 0) return this.publicRev;
    let highest = 0;
    for (const locale of locales) highest = Math.max(highest, this.publicLocaleRevs[locale]);
    return highest;
  }

  /** The indexes an audience reads (the preview index is only built when first asked for). */
  index(audience: Audience): ContentIndex {
    if (audience === 'public') return this.public;
    this.previewIndex ??= new ContentIndex(this.documents, true, this.translations);
    return this.previewIndex;
  }
}
