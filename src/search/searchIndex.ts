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

// Superseded versions cost memory and lookups, and they count in the index's BM25 statistics.
// Once they outnumber a quarter of the live ones (and at least 16), the revisions that follow
// fill a new generation: each adds its changed versions and 8 more of its live ones, and the
// first that finds all of its versions there moves to it. So no revision pays for a whole build,
// and filling (about live / 8 revisions) ends before as many versions are superseded in the new
// generation as started it, when revisions change one concept each.
const MIN_SUPERSEDED = 16;
const SUPERSEDED_PER_LIVE = 0.25;
const FILLED_PER_REVISION = 8;

/** A built index: each concept's entry (as a version) by slug, and what indexes them. */
interface Built {
  live: ReadonlyMap<string, IndexedVersion>;
  generation: SearchGeneration;
  /** The generation being filled to replace `generation`, if one is. */
  successor?: SearchGeneration | undefined;
}

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
  // Made on the first search, or by `next` from the index before.
  private state: Built | undefined;

  /** @param concepts the revision's concepts by slug, drafts included (read on the first search). */
  constructor(private readonly concepts: ReadonlyMap<string, Concept>) {}

  /**
   * The index of the next revision, whose concepts are `concepts`: `changed` names the slugs
   * written since this revision (created, updated or deleted). This index is left as it was.
   * When this one was built, the next one shares its entries and inverted index and indexes
   * only the changed concepts; else it is built on its first search.
   */
  next(concepts: ReadonlyMap<string, Concept>, changed: Iterable<string>): SearchIndex {
    const index = new SearchIndex(concepts);
    if (!this.state) return index;
    const { generation } = this.state;
    const live = new Map(this.state.live);
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
    for (const version of added) generation.add(version);
    const superseded = generation.versions - live.size;
    const successor =
      this.state.successor ??
      (superseded > Math.max(MIN_SUPERSEDED, SUPERSEDED_PER_LIVE * live.size)
        ? new SearchGeneration()
        : undefined);
    index.state = successor?.fill(live, added.length + FILLED_PER_REVISION)
      ? { live, generation: successor }
      : { live, generation, successor };
    return index;
  }

  /**
   * Versions in this revision's inverted index it does not use: superseded ones, and those of
   * later revisions that share it (for tests and measurements).
   */
  get superseded(): number {
    return this.state ? this.state.generation.versions - this.state.live.size : 0;
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
  private built(): Built {
    if (!this.state) {
      const generation = new SearchGeneration();
      const live = new Map<string, IndexedVersion>();
      for (const [slug, concept] of this.concepts) {
        const version = newVersion(searchEntryOf(concept));
        generation.add(version);
        live.set(slug, version);
      }
      this.state = { live, generation };
    }
    return this.state;
  }
}
