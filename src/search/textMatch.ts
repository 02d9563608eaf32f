import { textTokens } from './indexTokens.js';
import { WORD_PATTERN, wordForms } from './normalize.js';

const LATIN = /^[a-z0-9]+$/;
const SYLLABLES = /^[\uAC00-\uD7A3]+$/;
// Runs of three letters or more touching no other letter or digit (see englishSingulars).
const LETTER_RUNS = /(?<![a-z0-9])[a-z]{3,}(?![a-z0-9])/g;

// How `has` reads a term; asked for every text a scan reads, so the last term's is kept.
type TermKind = 'syllable pair' | 'latin' | 'syllables' | 'other';
let lastTerm: string | undefined;
let lastKind: TermKind = 'other';

function kindOf(term: string): TermKind {
  if (term !== lastTerm) {
    lastTerm = term;
    lastKind =
      SYLLABLES.test(term) && term.length === 2
        ? 'syllable pair'
        : term.length >= 2 && LATIN.test(term)
          ? 'latin'
          : term.length >= 2 && SYLLABLES.test(term)
            ? 'syllables'
            : 'other';
  }
  return lastKind;
}
/**
 * True when `has(term, prefix)` reads a text only where Hangul syllables are (a Hangul term of
 * two syllables or more, by prefix): it may then be given a text of ASCII and Hangul syllables
 * as written rather than cleaned, since lower-casing changes no syllable and moves nothing,
 * and an ASCII letter before a syllable ends a word either way (see `startsWord`).
 */
export function readsSyllablesOnly(term: string, prefix: boolean): boolean {
  const kind = kindOf(term);
  return kind === 'syllable pair' || (kind === 'syllables' && prefix);
}

// Splits words as `words` does, from a given position (lastIndex).
const WORD_SCAN = new RegExp(WORD_PATTERN.source, 'gu');

const isLatin = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
const isSyllable = (code: number) => code >= 0xac00 && code <= 0xd7a3;

// A word's forms that do not begin it (queries → query, data → datum), by word: most words
// have none, and each is asked for in every text that has it.
const NONE: readonly string[] = [];
const EXTRA_LIMIT = 100_000;
const extraForms = new Map<string, readonly string[]>();

function singularsNotBeginning(word: string): readonly string[] {
  let extra = extraForms.get(word);
  if (extra === undefined) {
    if (extraForms.size >= EXTRA_LIMIT) extraForms.clear();
    const forms = wordForms(word).filter((form) => !word.startsWith(form));
    extra = forms.length > 0 ? forms : NONE;
    extraForms.set(word, extra);
  }
  return extra;
}

/**
 * One text as the scan reads it: whether it has a token (see `textTokens`) that is a term or,
 * for a prefix lookup, begins with it; answered from the cleaned text with `indexOf` instead of
 * making its tokens, which is most of what building the index costs. The rules, from how
 * `textTokens` makes tokens:
 *
 * - a token beginning with a term (two letters or more) of Latin letters and digits, or of
 *   Hangul syllables, is a word beginning with it (a particle-less form begins its word), so
 *   the term is in the text where a word starts (`startsWord`); or, for Latin, an English
 *   singular that does not begin its word (queries → query, data → datum), kept per text;
 * - a token beginning with two Hangul syllables is any bigram of a word: the syllables
 *   anywhere in the text (two syllables side by side are always in one word);
 * - any other term (mixed scripts, other letters, a whole-token lookup of a word) is looked up
 *   in the text's tokens, made for it then.
 */
export class ScannedText {
  // This text's tokens, made only for terms the rules above do not cover.
  private tokens: Set<string> | undefined;
  private sortedTokens: string[] | undefined;

  /**
   * @param lower the text cleaned (`TextEntry.lower`)
   * @param singulars its English singulars that do not begin their word, if known (see
   *   `knownSingulars`): a scan that does not keep its ScannedTexts keeps these
   */
  constructor(
    private readonly lower: string,
    private singulars?: readonly string[],
  ) {}

  /** This text's English singulars that do not begin their word, once a lookup made them. */
  get knownSingulars(): readonly string[] | undefined {
    return this.singulars;
  }

  /** Makes now what `has` would make for Latin terms on first use. */
  prepare(): void {
    this.englishSingulars();
  }

  /** True when a token of this text is `term`, or begins with it when `prefix`. */
  has(term: string, prefix: boolean): boolean {
    const { lower } = this;
    const kind = kindOf(term);
    if (kind === 'syllable pair') return lower.includes(term);
    if (prefix && kind !== 'other') {
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        if (this.startsWord(at, kind === 'latin')) return true;
      }
      return kind === 'latin' && this.englishSingulars().some((s) => s.startsWith(term));
    }
    return this.hasToken(term, prefix);
  }

  // True when a word of the text starts at `at`, where a term of one kind (Latin, or Hangul
  // syllables) was found: then that word runs to the end of the term.
  private startsWord(at: number, latin: boolean): boolean {
    if (at === 0) return true;
    const before = this.lower.charCodeAt(at - 1);
    if (latin ? isLatin(before) : isSyllable(before)) return false;
    if (before < 0x80 && !isLatin(before)) return true;
    return this.matchStartsAt(at);
  }

  // The words around `at` as WORD_PATTERN splits them, from the last character that is in no
  // word (an ASCII space or punctuation mark: where every split starts afresh).
  private matchStartsAt(at: number): boolean {
    let from = at - 1;
    while (from > 0) {
      const code = this.lower.charCodeAt(from - 1);
      if (code < 0x80 && !isLatin(code)) break;
      from--;
    }
    WORD_SCAN.lastIndex = from;
    for (let match = WORD_SCAN.exec(this.lower); match; match = WORD_SCAN.exec(this.lower)) {
      if (match.index >= at) return match.index === at;
    }
    return false;
  }

  // The words that can have an English singular (see wordForms): runs of three letters or
  // more with no digit or letter on either side, found by one regular expression (this is the
  // one pass over a whole text a search before the index is built may make; most words have
  // no such singular, and only those that have one are looked for again, where they occur).
  private englishSingulars(): readonly string[] {
    if (this.singulars) return this.singulars;
    let found: Set<string> | undefined;
    for (const word of this.lower.match(LETTER_RUNS) ?? NONE) {
      const extra = singularsNotBeginning(word);
      if (extra.length === 0 || extra.every((form) => found?.has(form))) continue;
      // A word, unless the tail of a word of other letters ("éabc"), wherever it occurs.
      if (this.someRunStartsWord(word)) {
        found ??= new Set();
        for (const form of extra) found.add(form);
      }
    }
    return (this.singulars = found ? [...found] : NONE);
  }

  private someRunStartsWord(word: string): boolean {
    const runs = new RegExp(LETTER_RUNS.source, 'g');
    for (let run = runs.exec(this.lower); run; run = runs.exec(this.lower)) {
      if (run[0] === word && this.startsWord(run.index, true)) return true;
    }
    return false;
  }

  private hasToken(term: string, prefix: boolean): boolean {
    this.tokens ??= new Set(textTokens(this.lower));
    if (this.tokens.has(term)) return true;
    if (!prefix) return false;
    this.sortedTokens ??= [...this.tokens].sort();
    return this.sortedTokens.some((token) => token.startsWith(term));
  }
}
