import { distance } from 'fastest-levenshtein';
import type { IndexField } from './indexedVersion.js';
import {
  expandsByPrefix,
  typoDistance,
  type Candidate,
  type Lookup,
  type LookupOptions,
} from './lookup.js';
import { hangulBigrams, jamo, jamoLength } from './normalize.js';
import type { NameEntry, SearchEntry } from './searchEntries.js';
import { readsSyllablesOnly, ScannedText } from './textMatch.js';

// A term as a lookup expands it (see Lookup).
interface TermSpec {
  term: string;
  // Its first letter's code.
  first: number;
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
    const letters = field === 'names' ? lettersNeeded(specs) : undefined;
    const found: Candidate[] = [];
    for (const slug of this.concepts.keys()) {
      if (this.matches(slug, field, specs, letters)) found.push({ slug, score: 1 });
    }
    return found;
  };

  private matches(
    slug: string,
    field: IndexField,
    specs: TermSpec[],
    letters: RegExp | undefined,
  ): boolean {
    if (field === 'text') {
      const entry = this.entryOf(slug);
      const singulars = this.cache.singularsOf(entry);
      const asWritten = specs.every((spec) => readsSyllablesOnly(spec.term, spec.prefix));
      return entry.someText((lower, index) => {
        const text = new ScannedText(lower, singulars[index]);
        let found = false;
        for (const spec of specs) if ((found = text.has(spec.term, spec.prefix))) break;
        singulars[index] ??= text.knownSingulars;
        return found;
      }, asWritten);
    }
    const names = this.entryOf(slug).names;
    if (field === 'jamo') return names.some((name) => jamoMatches(name, specs));
    if (field === 'names') {
      return names.some(
        (name) => (!letters || letters.test(name.folded)) && nameMatches(name, specs),
      );
    }
    for (const name of names) {
      for (const spec of specs) if (initialsMatch(name, spec)) return true;
    }
    return false;
  }
}

/**
 * What scans keep of entries' texts, by entry: each text's English singulars that do not begin
 * their word (see ScannedText), made when a text lookup first needs them, or beforehand
 * (`prepare`). Nothing else of a text is kept: a scan cleans the texts it reads as it reads
 * them (see SearchEntry.someText). One per index being built, shared with the revisions made
 * from it (they share its entries), and dropped with the scan once it is built.
 */
export class ScanCache {
  private readonly singulars = new Map<SearchEntry, (readonly string[] | undefined)[]>();

  /** The entry's texts' singulars, by text, where known (a lookup fills in the ones it makes). */
  singularsOf(entry: SearchEntry): (readonly string[] | undefined)[] {
    let singulars = this.singulars.get(entry);
    if (!singulars) {
      singulars = [];
      this.singulars.set(entry, singulars);
    }
    return singulars;
  }

  /**
   * Makes now what a scan reads of an entry, which it would otherwise make on first use: a
   * build does this for every concept first, so searches made while it goes on find it made.
   */
  prepare(entry: SearchEntry): void {
    // Names' keys the lookups read (the index's own tokens need them too, so none is wasted).
    for (const name of entry.names) void [name.forms, name.choseong, name.jamo, name.wordJamo];
    // The texts, cleaned and kept (the index's tokens are made from them), and their singulars.
    const singulars = this.singularsOf(entry);
    entry.texts.forEach((text, index) => {
      const scanned = new ScannedText(text.lower, singulars[index]);
      scanned.prepare();
      singulars[index] = scanned.knownSingulars;
    });
  }
}

// Letters a name must have to match any of these terms, if the terms are all of one script
// (Hangul syllables, or Latin letters and digits): a name's tokens are made of its own letters,
// and a token that shares none with a term is as many edits from it as the longer of the two
// has letters, which is more typos than the term allows. Most names a lookup reads are of
// the other script (a Korean term and an English one), so half of them are passed over.
function lettersNeeded(specs: TermSpec[]): RegExp | undefined {
  if (!specs.every((spec) => spec.typos < spec.term.length)) return undefined;
  if (specs.every((spec) => ONLY_SYLLABLES.test(spec.term))) return SYLLABLE;
  if (specs.every((spec) => ONLY_LATIN.test(spec.term))) return LATIN_LETTER;
  return undefined;
}

const ONLY_SYLLABLES = /^[\uAC00-\uD7A3]+$/;
const SYLLABLE = /[\uAC00-\uD7A3]/;
const ONLY_LATIN = /^[a-z0-9]+$/;
const LATIN_LETTER = /[a-z0-9]/;

// The terms as the index reads them: split at spaces, empty ones dropped (see SearchGeneration).
function termSpecs(terms: readonly string[], options: LookupOptions): TermSpec[] {
  const unique = new Set(terms.join(' ').split(' ').filter(Boolean));
  return [...unique].map((term) => {
    const typos = typoDistance(term, options);
    return {
      term,
      first: term.charCodeAt(0),
      prefix: expandsByPrefix(term, options),
      typos,
      syllablePair: /^[\uAC00-\uD7A3]{2}$/.test(term),
      bigramTypos: typos > 0 && term.length - 2 <= typos,
    };
  });
}

// The tokens of nameTokens (the folded name, its words' forms, its Hangul bigrams), read in
// place: a bigram is a pair of syllables side by side in the folded name.
function nameMatches(name: NameEntry, specs: TermSpec[]): boolean {
  const { folded } = name;
  if (tokenMatchesAny(folded, specs)) return true;
  for (const form of name.forms) if (tokenMatchesAny(form, specs)) return true;
  for (const spec of specs) {
    if (spec.syllablePair && folded.includes(spec.term)) return true;
    if (spec.bigramTypos && hangulBigrams(folded).some((gram) => tokenMatches(gram, spec)))
      return true;
  }
  return false;
}

// Whether the token matches a term. A term without typos matches only tokens that begin with
// it, so only those that begin with its first letter are compared (most are not).
function tokenMatchesAny(token: string, specs: TermSpec[]): boolean {
  const first = token.charCodeAt(0);
  for (const spec of specs) {
    if (spec.typos === 0 && spec.first !== first) continue;
    if (tokenMatches(token, spec)) return true;
  }
  return false;
}

// The token of initialTokens.
function initialsMatch(name: NameEntry, spec: TermSpec): boolean {
  return name.choseong !== '' && tokenMatches(name.choseong, spec);
}

// The tokens of jamoTokens (the name's jamo and its words', for a name whose jamo is not
// itself), made only for a term they may match: of a length within its typos (a jamo lookup
// expands by typos only), and not kept (the index's build makes and keeps them).
function jamoMatches(name: NameEntry, specs: TermSpec[]): boolean {
  const { folded } = name;
  const length = jamoLength(folded);
  if (length === folded.length && jamo(folded) === folded) return false;
  if (jamoMatchesToken(folded, length, specs)) return true;
  for (const word of name.words) if (jamoMatchesToken(word, jamoLength(word), specs)) return true;
  return false;
}

// Whether the jamo of `text`, of `length` letters, matches a term.
function jamoMatchesToken(text: string, length: number, specs: TermSpec[]): boolean {
  let letters: string | undefined;
  for (const spec of specs) {
    if (!spec.prefix && Math.abs(length - spec.term.length) > spec.typos) continue;
    if (tokenMatches((letters ??= jamo(text)), spec)) return true;
  }
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
