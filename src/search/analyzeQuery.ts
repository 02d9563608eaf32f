import { ValidationError } from '../errors.js';
import { fold, hangulBigrams, isChoseongQuery, wordForms, words } from './normalize.js';

/** Longest query accepted. */
export const MAX_QUERY_LENGTH = 200;

/** A query, prepared once for every way it is matched. */
export interface AnalyzedQuery {
  text: string;
  /** Folded whole query, and the same with a trailing particle dropped (트랜스포머는 → 트랜스포머). */
  folded: string[];
  /** Each query word with its forms (particle dropped, English singular). */
  words: (readonly string[])[];
  /** The consonants of an initial-consonant query (ㅍㄹㅍㅌ), else null. */
  choseong: string | null;
  bigrams: string[];
}

/** Checks and analyzes a search query; empty or over-long queries are BAD_USER_INPUT. */
export function analyzeQuery(query: string): AnalyzedQuery {
  const text = query.trim();
  if (text === '' || text.length > MAX_QUERY_LENGTH) {
    throw new ValidationError(
      text === ''
        ? 'The search query is empty.'
        : `The search query is longer than ${MAX_QUERY_LENGTH} characters.`,
      [{ path: ['query'], message: `must have 1 to ${MAX_QUERY_LENGTH} characters` }],
    );
  }
  const queryWords = words(text)
    .map(wordForms)
    .filter((forms) => forms.length > 0);
  const whole = fold(text);
  const last = queryWords.at(-1);
  // The whole query with its last word in its other form: "미세 조정을" → "미세조정",
  // "fine tuning models" → "finetuningmodel".
  const [lastWord, lastForm] = last ?? [];
  const stripped =
    lastWord && lastForm && whole.endsWith(lastWord)
      ? whole.slice(0, whole.length - lastWord.length) + lastForm
      : whole;
  return {
    text,
    folded: [...new Set([whole, stripped])].filter((f) => f !== ''),
    words: queryWords,
    choseong: isChoseongQuery(text) ? fold(text) : null,
    bigrams: hangulBigrams(whole),
  };
}
