import MiniSearch from 'minisearch';
import type { Concept } from '../domain/concept.js';
import type { AnalyzedQuery } from './analyzeQuery.js';
import { hangulBigrams, jamo, wordForms, words } from './normalize.js';
import { PREFIX_SCORE, scoreEntry, type EntryScore } from './scoreEntry.js';
import { searchEntryOf, type SearchEntry } from './searchEntries.js';

/** A match before it is turned into a hit: the concept's entry and how it scored. */
export interface SearchMatch {
  entry: SearchEntry;
  score: EntryScore;
}

interface IndexedDocument {
  id: string;
  names: string;
  initials: string;
  jamo: string;
  text: string;
}

/** How many candidates each field contributes to exact ranking. */
export const CANDIDATES_PER_FIELD = 200;

// Documents are indexed as pre-normalized tokens joined by spaces; the tokenizer only splits.
const splitTokens = (text: string) => text.split(' ').filter(Boolean);
const identity = (term: string) => term;

function tokensOf(text: string): string[] {
  const tokens = words(text).flatMap(wordForms);
  return [...tokens, ...hangulBigrams(tokens.join(' '))];
}

function toDocument(entry: SearchEntry): IndexedDocument {
  return {
    id: entry.slug,
    names: entry.names
      .flatMap((n) => [n.folded, ...n.words.flatMap(wordForms), ...hangulBigrams(n.folded)])
      .join(' '),
    initials: entry.names
      .map((n) => n.choseong)
      .filter(Boolean)
      .join(' '),
    jamo: entry.names
      .flatMap((n) => (n.jamo !== n.folded ? [n.jamo, ...n.words.map(jamo)] : []))
      .join(' '),
    text: entry.texts.flatMap((t) => tokensOf(t.text)).join(' '),
  };
}

/**
 * The search index of the read model: an inverted index (MiniSearch, with our own Korean/English
 * tokens: folded names, words with particles dropped and English singulars, Hangul bigrams,
 * initial consonants and jamo) that finds candidates fast, and `scoreEntry`, which ranks them
 * in tiers. It covers every concept, drafts included; callers filter by visibility. Updated in
 * place per changed concept when content changes, not rebuilt.
 */
export class SearchIndex {
  private readonly index = new MiniSearch<IndexedDocument>({
    fields: ['names', 'initials', 'jamo', 'text'],
    tokenize: splitTokens,
    processTerm: identity,
    searchOptions: { tokenize: splitTokens, processTerm: identity },
  });
  private readonly entries = new Map<string, SearchEntry>();

  constructor(concepts: Iterable<Concept> = []) {
    this.update(concepts, []);
  }

  /** Adds or replaces changed concepts and removes deleted ones. */
  update(changed: Iterable<Concept>, removed: Iterable<string>): void {
    for (const slug of removed) this.remove(slug);
    for (const concept of changed) {
      this.remove(concept.slug);
      const entry = searchEntryOf(concept);
      this.entries.set(concept.slug, entry);
      this.index.add(toDocument(entry));
    }
  }

  /** Number of indexed concepts. */
  get size(): number {
    return this.entries.size;
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
    const scored = new Map<string, SearchMatch | null>();
    const textScores = new Map<string, number>();
    const consider = (hits: { id: unknown }[]) => {
      for (const hit of hits) {
        const slug = hit.id as string;
        if (scored.has(slug)) continue;
        const entry = this.entries.get(slug)!;
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
    consider(this.run(query.folded, ['names'], { prefix: true }));
    if (query.choseong) consider(this.run([query.choseong], ['initials'], { prefix: true }));
    if (strong() >= wanted) return results();

    // 2. Its words, in names and texts (texts first, so their scores are known when ranking).
    // Hangul bigrams ("모델" is everywhere, so costly) only when no word occurs in a text.
    const forms = query.words.flat();
    let textHits = this.run(forms, ['text'], { prefix: true });
    if (textHits.length === 0) textHits = this.run(query.bigrams, ['text'], {});
    for (const hit of textHits) textScores.set(hit.id as string, hit.score);
    for (const slug of textScores.keys()) if (scored.get(slug) === null) scored.delete(slug);
    consider(this.run(forms, ['names'], { prefix: true }));
    consider(textHits);
    if (strong() > 0) return results();

    // 3. Partial and typo matches: name bigrams and fuzzy lookups, the costly part.
    consider(this.run(query.bigrams, ['names'], {}));
    consider(this.run([...query.folded, ...forms], ['names'], { fuzzy: 0.3 }));
    const hangul = [...query.folded, ...forms].filter((t) => /[\uAC00-\uD7A3]/.test(t)).map(jamo);
    consider(this.run(hangul, ['jamo'], { fuzzy: 0.2 }));
    return results();
  }

  // Each field's best candidates by the index's own score; only those are ranked exactly, so a
  // query's cost stays bounded however many concepts share a common word.
  private run(
    terms: string[],
    fields: (keyof IndexedDocument)[],
    options: { prefix?: boolean; fuzzy?: number },
  ) {
    if (terms.length === 0) return [];
    return this.index
      .search(terms.join(' '), {
        fields,
        combineWith: 'OR',
        prefix: (term) => Boolean(options.prefix) && term.length >= 2,
        fuzzy: (term) => (options.fuzzy && term.length >= 4 ? options.fuzzy : false),
      })
      .slice(0, CANDIDATES_PER_FIELD);
  }

  private remove(slug: string): void {
    if (!this.entries.has(slug)) return;
    this.index.discard(slug);
    this.entries.delete(slug);
  }
}
