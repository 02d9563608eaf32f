import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';
import { choseongOf, clean, fold, jamo, words } from './normalize.js';

/** A name a concept is known by (its term in a locale, or an alias), with its search keys. */
export interface NameEntry {
  text: string;
  field: 'term' | 'alias';
  locale: Locale | null;
  folded: string;
  words: string[];
  choseong: string;
  jamo: string;
}

/** A searchable text of a concept (summary, definition, analogy …) in one locale. */
export interface TextEntry {
  field: 'summary' | 'definition' | 'analogy' | 'details' | 'examples';
  locale: Locale;
  text: string;
  /** Lower case, for word lookups. */
  lower: string;
  /** Folded, for phrase lookups that ignore spacing. */
  folded: string;
}

/** What search knows of one concept. */
export interface SearchEntry {
  slug: string;
  names: NameEntry[];
  texts: TextEntry[];
}

function name(text: string, field: NameEntry['field'], locale: Locale | null): NameEntry {
  const folded = fold(text);
  return {
    text,
    field,
    locale,
    folded,
    words: words(text),
    choseong: choseongOf(folded),
    jamo: jamo(folded),
  };
}

/** The search entry of a concept: its names (terms, aliases) and its texts, in both locales. */
export function searchEntryOf(concept: Concept): SearchEntry {
  const names = [
    name(concept.term.ko, 'term', 'ko'),
    ...(concept.term.en ? [name(concept.term.en, 'term', 'en')] : []),
    ...concept.aliases.map((alias) => name(alias, 'alias', null)),
  ];
  const texts: TextEntry[] = [];
  const add = (field: TextEntry['field'], text: { ko: string; en?: string | undefined }) => {
    texts.push({
      field,
      locale: 'ko',
      text: text.ko,
      lower: clean(text.ko),
      folded: fold(text.ko),
    });
    if (text.en)
      texts.push({
        field,
        locale: 'en',
        text: text.en,
        lower: clean(text.en),
        folded: fold(text.en),
      });
  };
  add('summary', concept.summary);
  add('definition', concept.definition);
  for (const analogy of concept.analogies) add('analogy', analogy.text);
  for (const facet of concept.details) add('details', facet.text);
  for (const example of concept.examples) add('examples', example);
  return { slug: concept.slug, names, texts };
}
