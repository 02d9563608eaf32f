import type { Concept } from '../domain/concept.js';
import type { AnalyzedQuery } from './analyzeQuery.js';
import { newVersion, type IndexedVersion, type IndexField } from './indexedVersion.js';
import { jamo } from './normalize.js';
import { PREFIX_SCORE, scoreEntry, type EntryScore } from './scoreEntry.js';
import { searchEntryOf, type SearchEntry } from './searchEntries.js';
import { SearchGeneration, type LookupOptions } from './searchGeneration.js';

/** A match before it is turned into a hit: the concept's entry and how it scored. */
export interface SearchMatch {
  entry: SearchEntry;
  score: EntryScore;
}

/** How many candidates each field contributes to exact ranking. */
export const CANDIDATES_PER_FIELD = 200;

// A revision starts a new generation once the superseded versions in the one it shares would
// outnumber half its live ones (and this many): they cost memory and lookups, and they count in
// the index's BM25 statistics. Rebuilding only then keeps the cost per edit at about two
// concepts' indexing, averaged over edits.
const MIN_SUPERSEDED = 16;
const SUPERSEDED_PER_LIVE = 0.5;

/**
 * The search index of one content revision, immutable: an inverted index (see SearchGeneration:
 * MiniSearch over our own Korean/English tokens) that finds candidates fast, and `scoreEntry`,
 * which ranks them in tiers. It covers every concept, drafts included; callers filter by
 * visibility. Built on its first search, not before; the next revision's index (see `next`)
 * shares the inverted index and every unchanged concept's entry with it, and indexes only what
 * changed.
 *
 * Which concepts a revision's index finds, and by which names and texts, never changes. The
 * inverted index's own BM25 scores (which pick each field's best candidates and break ties
 * between text matches) are computed over its whole generation, superseded versions and later
 * revisions' included, so they can move slightly as later revisions are added to it.
 */
export class SearchIndex {
  // Each concept's entry (as a version) by slug, and the generation that indexes those
  // versions: made on the first search, or carried over by `next`.
  private live: ReadonlyMap<string, IndexedVersion> | undefined;
  private generation: SearchGeneration | undefined;

  /** @param concepts the revision's concepts by slug, drafts included (read on the first search). */
  constructor(private readonly concepts: ReadonlyMap<string, Concept>) {}

  /**
   * The index of the next revision, whose concepts are `concepts`: `changed` names the slugs
   * written since this revision (created, updated or deleted). This index is left as it was.
   * When this one was built, the next one shares its entries and inverted index and indexes
   * only the changed concepts (or, once enough versions are superseded, builds a new
   * generation from those entries on its first search); else it is built on its first search.
   */
  next(concepts: ReadonlyMap<string, Concept>, changed: Iterable<string>): SearchIndex {
    const index = new SearchIndex(concepts);
    if (!this.live) return index;
    const live = new Map(this.live);
    const added: IndexedVersion[] = [];
    for (const slug of new Set(changed)) {
      const concept = concepts.get(slug);
      if (!concept) {
        live.delete(slug);
        continue;
      }
      const version = newVersion(searchEntryOf(concept));
      live.set(slug, version);
      added.push(version);
    }
    index.live = live;
    if (!this.generation) return index;
    const superseded = this.generation.versions + added.length - live.size;
    if (superseded > Math.max(MIN_SUPERSEDED, SUPERSEDED_PER_LIVE * live.size)) return index;
    for (const version of added) this.generation.add(version);
    index.generation = this.generation;
    return index;
  }

  /** Builds the index now rather than on its first search (for measurements); returns it. */
  build(): this {
    this.built();
    return this;
  }

  /** Number of indexed concepts. */
  get size(): number {
    return this.concepts.size;
  }

  /**
   * Candidates from the inverted index, scored; unordered. Lookups go from cheap to costly and
   * stop once `wanted` names already matched exactly or by prefix: nothing found later (word,
   * partial, typo or text matches) could outrank those.
   */
  match(
    query: AnalyzedQuery,
    wanted = Infinity,
    visible: (slug: string) => boolean = () => true,
  ): SearchMatch[] {
    const { live, generation } = this.built();
    // Each field's best candidates by the index's own score; only those are ranked exactly, so
    // a query's cost stays bounded however many concepts share a common word.
    const run = (terms: string[], field: IndexField, options: LookupOptions) =>
      generation.lookup(terms, field, options, live, CANDIDATES_PER_FIELD);
    const scored = new Map<string, SearchMatch | null>();
    const textScores = new Map<string, number>();
    const consider = (hits: { slug: string }[]) => {
      for (const { slug } of hits) {
        if (scored.has(slug)) continue;
        const entry = live.get(slug)!.entry;
        const score = scoreEntry(query, entry, textScores.get(slug) ?? null);
        scored.set(slug, score ? { entry, score } : null);
      }
    };
    // Only matches this reader may see count towards stopping early.
    const strong = () =>
      [...scored.values()].filter(
        (m) => m && m.score.score >= PREFIX_SCORE && visible(m.entry.slug),
      ).length;
    const results = () => [...scored.values()].filter((m): m is SearchMatch => m !== null);

    // 1. The whole query as a name (exact, prefix) or as initial consonants.
    consider(run(query.folded, 'names', { prefix: true }));
    if (query.choseong) consider(run([query.choseong], 'initials', { prefix: true }));
    if (strong() >= wanted) return results();

    // 2. Its words, in names and texts (texts first, so their scores are known when ranking).
    // Hangul bigrams ("모델" is everywhere, so costly) only when no word occurs in a text.
    const forms = query.words.flat();
    let textHits = run(forms, 'text', { prefix: true });
    if (textHits.length === 0) textHits = run(query.bigrams, 'text', {});
    for (const hit of textHits) textScores.set(hit.slug, hit.score);
    for (const slug of textScores.keys()) if (scored.get(slug) === null) scored.delete(slug);
    consider(run(forms, 'names', { prefix: true }));
    consider(textHits);
    if (strong() > 0) return results();

    // 3. Partial and typo matches: name bigrams and fuzzy lookups, the costly part.
    consider(run(query.bigrams, 'names', {}));
    consider(run([...query.folded, ...forms], 'names', { fuzzy: 0.3 }));
    const hangul = [...query.folded, ...forms].filter((t) => /[\uAC00-\uD7A3]/.test(t)).map(jamo);
    consider(run(hangul, 'jamo', { fuzzy: 0.2 }));
    return results();
  }

  // The entries and generation, made on the first search unless `next` carried them over.
  private built(): { live: ReadonlyMap<string, IndexedVersion>; generation: SearchGeneration } {
    this.live ??= new Map(
      [...this.concepts].map(([slug, concept]) => [slug, newVersion(searchEntryOf(concept))]),
    );
    if (!this.generation) {
      const generation = new SearchGeneration();
      for (const version of this.live.values()) generation.add(version);
      this.generation = generation;
    }
    return { live: this.live, generation: this.generation };
  }
}
