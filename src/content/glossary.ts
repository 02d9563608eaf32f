import { getChoseong } from 'es-hangul';
import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';

/** A group of the glossary: its initial (ㄱ, ㄴ … or A, B …) and its entries in order. */
export interface GlossaryGroup<T> {
  initial: string;
  entries: T[];
}

// Dictionary index tabs: double consonants file under their single consonant (ㄲ under ㄱ).
const CHOSEONG_TABS = [
  'ㄱ',
  'ㄴ',
  'ㄷ',
  'ㄹ',
  'ㅁ',
  'ㅂ',
  'ㅅ',
  'ㅇ',
  'ㅈ',
  'ㅊ',
  'ㅋ',
  'ㅌ',
  'ㅍ',
  'ㅎ',
];
const DOUBLE_TO_SINGLE: Record<string, string> = {
  ㄲ: 'ㄱ',
  ㄸ: 'ㄷ',
  ㅃ: 'ㅂ',
  ㅆ: 'ㅅ',
  ㅉ: 'ㅈ',
};
const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]/;
const LATIN_LETTER = /^[A-Za-z]/;
/** Initial for terms that start with neither a Hangul syllable nor a Latin letter. */
export const OTHER_INITIAL = '#';

// Made on first use: a collator loads ICU's collation data for its language (~10 ms for the
// two), a cost a cold start should not pay before someone asks for the glossary.
const collators = new Map<Locale, Intl.Collator>();

function collatorFor(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

/** The glossary initial of a term: its choseong tab for Hangul, its capital letter for Latin. */
export function glossaryInitial(term: string): string {
  const first = term.trim();
  if (HANGUL_SYLLABLE.test(first)) {
    const choseong = getChoseong(first.charAt(0));
    return DOUBLE_TO_SINGLE[choseong] ?? choseong;
  }
  if (LATIN_LETTER.test(first)) return first.charAt(0).toUpperCase();
  return OTHER_INITIAL;
}

function initialRank(initial: string, locale: Locale): number {
  const tab = CHOSEONG_TABS.indexOf(initial);
  const latin = /^[A-Z]$/.test(initial) ? initial.charCodeAt(0) - 65 : -1;
  // Korean lists Hangul tabs first, English lists A–Z first; "#" always closes the list.
  if (initial === OTHER_INITIAL) return 1000;
  if (locale === 'ko') return tab >= 0 ? tab : 100 + latin;
  return latin >= 0 ? latin : 100 + tab;
}

/**
 * Builds the glossary of `concepts` in a locale: Korean in dictionary order grouped by initial
 * consonant (ㄱ ㄴ ㄷ …, then Latin terms A–Z); English grouped A–Z.
 * `termOf` gives the term shown in that locale (with its fallback already applied).
 */
export function buildGlossary<T extends Pick<Concept, 'slug'>>(
  concepts: readonly T[],
  locale: Locale,
  termOf: (concept: T) => string,
): GlossaryGroup<T>[] {
  const collator = collatorFor(locale);
  const sorted = [...concepts].sort(
    (a, b) =>
      collator.compare(termOf(a), termOf(b)) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
  const groups = new Map<string, T[]>();
  for (const concept of sorted) {
    const initial = glossaryInitial(termOf(concept));
    const group = groups.get(initial) ?? [];
    group.push(concept);
    groups.set(initial, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => initialRank(a, locale) - initialRank(b, locale))
    .map(([initial, entries]) => ({ initial, entries }));
}
