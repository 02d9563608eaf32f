import { distance } from 'fastest-levenshtein';
import type { IndexField } from './indexedVersion.js';
import {
  expandsByPrefix,
  typoDistance,
  type Candidate,
  type Lookup,
  type LookupOptions,
} from './lookup.js';
import { hangulBigrams } from './normalize.js';
import type { NameEntry, SearchEntry } from './searchEntries.js';
import { ScannedText } from './textMatch.js';

// A term as a lookup expands it (see Lookup).
interface TermSpec {
  term: string;
  prefix: boolean;
  typos: number;
  // A two-syllable term: the only kind a bigram token can be, or begin with.
  syllablePair: boolean;
  // Whether a bigram token (two letters) is within the term's typo allowance.
  bigramTypos: boolean;
}

/**
 * Lookups without an inverted index: every concept's tokens are compared with the terms, so a
 * search can be answered before the index is built (see SearchIndex). It finds what the index
 * finds, field by field and term by term: the same tokens (see indexTokens.ts; names' tokens
 * are read from the entry in place, texts' through ScannedText), the same prefix and typo
 * rules. But it finds all of them, where the index keeps each field's best 200 by BM25: where
 * a lookup matches more concepts than that, the scan's answer can be better than the index's.
 * Each lookup is a pass over every concept; entries are made once, on first use (shared with
 * the index being built).
 */
export class SearchScan {
  /**
   * @param concepts the revision's concepts, by slug
   * @param entryOf a concept's search entry (shared with the index being built)
   * @param cache what is made of entries' texts (shared likewise)
   */
  constructor(
    private readonly concepts: ReadonlyMap<string, unknown>,
    private readonly entryOf: (slug: string) => SearchEntry,
    private readonly cache: ScanCache = new ScanCache(),
  ) {}

  /** Every concept whose tokens in `field` match a term; each scores 1 (there is no BM25). */
  readonly lookup: Lookup = (terms, field, options) => {
    const specs = termSpecs(terms, options);
    if (specs.length === 0) return [];
    const found: Candidate[] = [];
    for (const slug of this.concepts.keys()) {
      if (this.matches(slug, field, specs)) found.push({ slug, score: 1 });
    }
    return found;
  };

  private matches(slug: string, field: IndexField, specs: TermSpec[]): boolean {
    if (field === 'text') {
      for (const text of this.cache.textsOf(this.entryOf(slug))) {
        for (const spec of specs) if (text.has(spec.term, spec.prefix)) return true;
      }
      return false;
    }
    const matchName =
      field === 'names' ? nameMatches : field === 'initials' ? initialsMatch : jamoMatches;
    for (const name of this.entryOf(slug).names) {
      for (const spec of specs) if (matchName(name, spec)) return true;
    }
    return false;
  }
}

/**
 * What scans read of entries' texts, by entry: made when a text lookup first reaches an entry,
 * or beforehand (`prepare`). One per index being built, shared with the revisions made from it
 * (they share its entries), and dropped with the scan once it is built.
 */
export class ScanCache {
  private readonly texts = new Map<SearchEntry, ScannedText[]>();

  /** The entry's texts as the scan reads them. */
  textsOf(entry: SearchEntry): ScannedText[] {
    let texts = this.texts.get(entry);
    if (!texts) {
      texts = entry.texts.map((t) => new ScannedText(t.lower));
      this.texts.set(entry, texts);
    }
    return texts;
  }

  /**
   * Makes now what a scan reads of an entry, which it would otherwise make on first use: a
   * build does this for every concept first, so searches made while it goes on find it made.
   */
  prepare(entry: SearchEntry): void {
    // Names' keys the lookups read (the index's own tokens need them too, so none is wasted).
    for (const name of entry.names) void [name.forms, name.choseong, name.jamo, name.wordJamo];
    for (const text of this.textsOf(entry)) text.prepare();
  }
}

// The terms as the index reads them: split at spaces, empty ones dropped (see SearchGeneration).
function termSpecs(terms: readonly string[], options: LookupOptions): TermSpec[] {
  const unique = new Set(terms.join(' ').split(' ').filter(Boolean));
  return [...unique].map((term) => {
    const typos = typoDistance(term, options);
    return {
      term,
      prefix: expandsByPrefix(term, options),
      typos,
      syllablePair: /^[\uAC00-\uD7A3]{2}$/.test(term),
      bigramTypos: typos > 0 && term.length - 2 <= typos,
    };
  });
}

// The tokens of nameTokens (the folded name, its words' forms, its Hangul bigrams), read in
// place: a bigram is a pair of syllables side by side in the folded name.
function nameMatches(name: NameEntry, spec: TermSpec): boolean {
  if (tokenMatches(name.folded, spec)) return true;
  for (const form of name.forms) if (tokenMatches(form, spec)) return true;
  if (spec.syllablePair && name.folded.includes(spec.term)) return true;
  return spec.bigramTypos && hangulBigrams(name.folded).some((gram) => tokenMatches(gram, spec));
}

// The token of initialTokens.
function initialsMatch(name: NameEntry, spec: TermSpec): boolean {
  return name.choseong !== '' && tokenMatches(name.choseong, spec);
}

// The tokens of jamoTokens.
function jamoMatches(name: NameEntry, spec: TermSpec): boolean {
  if (name.jamo === name.folded) return false;
  if (tokenMatches(name.jamo, spec)) return true;
  for (const word of name.wordJamo) if (tokenMatches(word, spec)) return true;
  return false;
}

function tokenMatches(token: string, { term, prefix, typos }: TermSpec): boolean {
  if (token === term) return true;
  if (prefix && token.startsWith(term)) return true;
  return (
    typos > 0 &&
    token !== '' &&
    Math.abs(token.length - term.length) <= typos &&
    distance(token, term) <= typos
  );
}
