import { ContentIndex } from './contentIndex.js';
import { SearchIndex } from '../search/searchIndex.js';
import type { DocumentSet } from './entries.js';

/** Who is reading: anonymous readers see PUBLISHED content, editors and admins see drafts too. */
export type Audience = 'public' | 'preview';

/**
 * The read model of one content revision: the live documents and their indexes.
 * Immutable; a refresh builds a new snapshot and swaps it in.
 */
export class ContentSnapshot {
  readonly public: ContentIndex;
  private previewIndex: ContentIndex | undefined;

  /**
   * @param search the search index over these documents' concepts; shared with the snapshot
   *   before when it was updated in place (see ContentCache), so it is not rebuilt per revision.
   */
  constructor(
    readonly rev: number,
    readonly documents: DocumentSet,
    readonly loadedAt: Date,
    readonly search: SearchIndex = new SearchIndex(documents.concepts.values()),
  ) {
    this.public = new ContentIndex(documents, false);
  }

  /** The indexes an audience reads (the preview index is only built when first asked for). */
  index(audience: Audience): ContentIndex {
    if (audience === 'public') return this.public;
    this.previewIndex ??= new ContentIndex(this.documents, true);
    return this.previewIndex;
  }
}
