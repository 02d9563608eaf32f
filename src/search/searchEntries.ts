import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';
import {
  choseongOf,
  clean,
  isAsciiOrSyllables,
  foldCleaned,
  foldedWords,
  jamo,
  wordForms,
} from './normalize.js';

/** A name a concept is known by (its term in a locale, or an alias), with its search keys. */
export interface NameEntry {
  readonly text: string;
  readonly field: 'term' | 'alias';
  readonly locale: Locale | null;
  readonly folded: string;
  readonly words: readonly string[];
  /** Its words' forms (see wordForms), in order. */
  readonly forms: readonly string[];
  readonly choseong: string;
  readonly jamo: string;
  /** Its words in jamo, in order. */
  readonly wordJamo: readonly string[];
}

/** A searchable text of a concept (summary, definition, analogy …) in one locale. */
export interface TextEntry {
  readonly field: 'summary' | 'definition' | 'analogy' | 'details' | 'examples';
  readonly locale: Locale;
  readonly text: string;
  /** Lower case, for word lookups. */
  readonly lower: string;
  /** Folded, for phrase lookups that ignore spacing. */
  readonly folded: string;
}

/** What search knows of one concept. */
export interface SearchEntry {
  readonly slug: string;
  readonly names: NameEntry[];
  readonly texts: TextEntry[];
  /**
   * True when `test` holds for one of its texts cleaned (`TextEntry.lower` of `texts[index]`),
   * asked in order. Until `texts` is made, each text is cleaned for the test and not kept: a
   * search before the index is built reads every concept's texts, and keeping what it made of
   * them all (copied by every collection that follows) cost that search more than making it.
   * With `asWritten`, a text of ASCII and Hangul syllables not cleaned yet is given as written
   * (for tests that read only Hangul syllables: see readsSyllablesOnly).
   */
  someText(test: (lower: string, index: number) => boolean, asWritten?: boolean): boolean;
}

// The keys every lookup of a name reads are made at once; the others (word forms, initial
// consonants, jamo) on first use, then kept. Searching before the index is built reads every
// concept's entry (see SearchScan), so what an entry costs to make is what that search costs.
class Name implements NameEntry {
  readonly folded: string;
  readonly words: readonly string[];
  private wordForms: readonly string[] | undefined;
  private initials: string | undefined;
  private decomposed: string | undefined;
  private decomposedWords: readonly string[] | undefined;

  constructor(
    readonly text: string,
    readonly field: NameEntry['field'],
    readonly locale: Locale | null,
  ) {
    const { folded, words } = foldedWords(text);
    this.folded = folded;
    this.words = words;
  }

  get forms(): readonly string[] {
    return (this.wordForms ??= formsOfWords(this.words));
  }

  get choseong(): string {
    return (this.initials ??= choseongOf(this.folded));
  }

  get jamo(): string {
    return (this.decomposed ??= jamo(this.folded));
  }

  get wordJamo(): readonly string[] {
    return (this.decomposedWords ??= this.words.map(jamo));
  }
}

// The forms of words, in order. Most words' only form is the word itself: the words are then
// their own forms (a scan before the index is built makes every name's, and keeps them).
function formsOfWords(words: readonly string[]): readonly string[] {
  let forms: string[] | undefined;
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    const ofWord = wordForms(word);
    if (!forms && ofWord.length === 1 && ofWord[0] === word) continue;
    forms ??= words.slice(0, at);
    forms.push(...ofWord);
  }
  return forms ?? words;
}

// Texts are most of an entry: cleaned and folded when a query first reads them.
class Text implements TextEntry {
  private cleaned: string | undefined;
  private foldedText: string | undefined;

  constructor(
    readonly field: TextEntry['field'],
    readonly locale: Locale,
    readonly text: string,
  ) {}

  get lower(): string {
    return (this.cleaned ??= clean(this.text));
  }

  get folded(): string {
    return (this.foldedText ??= foldCleaned(this.lower));
  }
}

// A concept's entry: names at once, texts when a lookup or a score first reads them (a search
// that names answer never makes them).
class Entry implements SearchEntry {
  readonly slug: string;
  readonly names: NameEntry[];
  private made: TextEntry[] | undefined;

  constructor(private readonly concept: Concept) {
    this.slug = concept.slug;
    this.names = [
      new Name(concept.term.ko, 'term', 'ko'),
      ...(concept.term.en ? [new Name(concept.term.en, 'term', 'en')] : []),
      ...concept.aliases.map((alias) => new Name(alias, 'alias', null)),
    ];
  }

  get texts(): TextEntry[] {
    return (this.made ??= textsOf(this.concept));
  }

  someText(test: (lower: string, index: number) => boolean, asWritten = false): boolean {
    const made = this.made;
    if (made) {
      for (let index = 0; index < made.length; index++) {
        if (test(made[index]!.lower, index)) return true;
      }
      return false;
    }
    const texts = textStringsOf(this.concept);
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!;
      if (test(asWritten && isAsciiOrSyllables(text) ? text : clean(text), index)) return true;
    }
    return false;
  }
}

// Visits a concept's texts, in the order of `texts`.
function eachTextOf(
  concept: Concept,
  visit: (field: TextEntry['field'], locale: Locale, text: string) => void,
): void {
  const add = (field: TextEntry['field'], text: { ko: string; en?: string | undefined }) => {
    visit(field, 'ko', text.ko);
    if (text.en) visit(field, 'en', text.en);
  };
  add('summary', concept.summary);
  add('definition', concept.definition);
  for (const analogy of concept.analogies) add('analogy', analogy.text);
  for (const facet of concept.details) add('details', facet.text);
  for (const example of concept.examples) add('examples', example);
}

// A concept's texts as written, in the order of `texts`.
function textStringsOf(concept: Concept): string[] {
  const texts: string[] = [];
  eachTextOf(concept, (_field, _locale, text) => texts.push(text));
  return texts;
}

function textsOf(concept: Concept): TextEntry[] {
  const texts: TextEntry[] = [];
  eachTextOf(concept, (field, locale, text) => texts.push(new Text(field, locale, text)));
  return texts;
}

/** The search entry of a concept: its names (terms, aliases) and its texts, in both locales. */
export function searchEntryOf(concept: Concept): SearchEntry {
  return new Entry(concept);
}
