import MiniSearch from 'minisearch';
import {
  indexedDocument,
  type IndexedDocument,
  type IndexedVersion,
  type IndexField,
} from './indexedVersion.js';
import { expandsByPrefix, typoDistance, type Candidate, type LookupOptions } from './lookup.js';

// Documents are indexed as pre-normalized tokens joined by spaces; the tokenizer only splits.
const splitTokens = (text: string) => text.split(' ').filter(Boolean);
const identity = (term: string) => term;

/**
 * An inverted index (MiniSearch) that only grows: versions are added, never replaced or
 * removed. Several revisions' search indexes share one generation, each holding which version
 * of each concept is its own and looking up only those; so adding the next revision's versions
 * changes no earlier revision's matches. Superseded versions stay until the revisions that
 * follow move to a new generation (see SearchIndex).
 */
export class SearchGeneration {
  private readonly index = new MiniSearch<IndexedDocument>({
    fields: ['names', 'initials', 'jamo', 'text'],
    tokenize: splitTokens,
    processTerm: identity,
    searchOptions: { tokenize: splitTokens, processTerm: identity },
    // Nothing is discarded, so there is nothing to vacuum (which would edit shared postings).
    autoVacuum: false,
  });
  // Every version added, by id: a hit names only the id.
  private readonly added = new Map<number, IndexedVersion>();

  /** Versions added so far, superseded ones included. */
  get versions(): number {
    return this.index.documentCount;
  }

  /** Adds a version (its id must be new to this generation). */
  add(version: IndexedVersion): void {
    this.index.add(indexedDocument(version));
    this.added.set(version.id, version);
  }

  /**
   * Adds up to `budget` of the versions in `live` this generation lacks; true once it holds
   * them all. A new generation is filled this way a few versions per revision, so that no
   * revision pays for a whole build.
   */
  fill(live: ReadonlyMap<string, IndexedVersion>, budget: number): boolean {
    let missing = 0;
    for (const version of live.values()) {
      if (this.added.has(version.id)) continue;
      if (budget > 0) {
        this.add(version);
        budget--;
      } else missing++;
    }
    return missing === 0;
  }

  /**
   * Concepts whose version in `live` has any of the terms in the field (see Lookup), at most
   * `limit`, best first by the index's score. Other versions in the generation are passed
   * over, whatever they contain.
   */
  lookup(
    terms: readonly string[],
    field: IndexField,
    options: LookupOptions,
    live: ReadonlyMap<string, IndexedVersion>,
    limit: number,
  ): Candidate[] {
    if (terms.length === 0) return [];
    const isLive = (id: number) => {
      const version = this.added.get(id)!;
      return live.get(version.entry.slug) === version;
    };
    return this.index
      .search(terms.join(' '), {
        fields: [field],
        combineWith: 'OR',
        prefix: (term) => expandsByPrefix(term, options),
        // A whole number of edits (see typoDistance), as MiniSearch takes it.
        fuzzy: (term) => typoDistance(term, options) || false,
        filter: (result) => isLive(result.id as number),
      })
      .slice(0, limit)
      .map((result) => ({
        slug: this.added.get(result.id as number)!.entry.slug,
        score: result.score,
      }));
  }
}
