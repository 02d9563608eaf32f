import MiniSearch from 'minisearch';
import type { Concept } from '../domain/concept.js';
import type { AnalyzedQuery } from './analyzeQuery.js';
import { hangulBigrams, jamo, wordForms, words } from './normalize.js';
import { scoreEntry, type EntryScore } from './scoreEntry.js';
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

  /** Candidates from the inverted index, scored; unordered. */
  match(query: AnalyzedQuery): SearchMatch[] {
    const textScores = new Map<string, number>();
    const candidates = new Set<string>();
    const run = (
      terms: string[],
      fields: (keyof IndexedDocument)[],
      options: { prefix?: boolean; fuzzy?: number },
    ) => {
      if (terms.length === 0) return [];
      return this.index.search(terms.join(' '), {
        fields,
        combineWith: 'OR',
        prefix: (term) => Boolean(options.prefix) && term.length >= 2,
        fuzzy: (term) => (options.fuzzy && term.length >= 4 ? options.fuzzy : false),
      });
    };
    const forms = query.words.flat();
    const nameTerms = [...query.folded, ...forms, ...query.bigrams];
    for (const hit of run(nameTerms, ['names'], { prefix: true, fuzzy: 0.3 }))
      candidates.add(hit.id as string);
    if (query.choseong)
      for (const hit of run([query.choseong], ['initials'], { prefix: true }))
        candidates.add(hit.id as string);
    const jamoTerms = [...query.folded, ...forms]
      .filter((t) => /[\uAC00-\uD7A3]/.test(t))
      .map(jamo);
    for (const hit of run(jamoTerms, ['jamo'], { fuzzy: 0.2 })) candidates.add(hit.id as string);
    for (const hit of run([...forms, ...query.bigrams], ['text'], { prefix: true })) {
      candidates.add(hit.id as string);
      textScores.set(hit.id as string, hit.score);
    }
    const matches: SearchMatch[] = [];
    for (const slug of candidates) {
      const entry = this.entries.get(slug)!;
      const score = scoreEntry(query, entry, textScores.get(slug) ?? null);
      if (score) matches.push({ entry, score });
    }
    return matches;
  }

  private remove(slug: string): void {
    if (!this.entries.has(slug)) return;
    this.index.discard(slug);
    this.entries.delete(slug);
  }
}
