import { hangulBigrams, wordForms, wordsOfCleaned } from './normalize.js';
import type { SearchEntry } from './searchEntries.js';

// What the inverted index holds of a concept, field by field: pre-normalized tokens. The
// index (SearchGeneration) stores them; the scan that answers before it is built (SearchScan)
// looks terms up in the same tokens, so both find the same concepts.

/** Names: each folded name, its words with their forms, and its Hangul bigrams. */
export function nameTokens(entry: SearchEntry): string[] {
  return entry.names.flatMap((n) => [n.folded, ...n.forms, ...hangulBigrams(n.folded)]);
}

/** Initials: each name's initial consonants (ㅍㄹㅍㅌ), for names that have Hangul. */
export function initialTokens(entry: SearchEntry): string[] {
  return entry.names.map((n) => n.choseong).filter(Boolean);
}

/** Jamo: each Hangul name and its words split into jamo, so typos are counted jamo by jamo. */
export function jamoTokens(entry: SearchEntry): string[] {
  return entry.names.flatMap((n) => (n.jamo !== n.folded ? [n.jamo, ...n.wordJamo] : []));
}

/**
 * A text's tokens, from the text cleaned (`TextEntry.lower`): its words with their forms
 * (particle dropped, English singular), and the Hangul bigrams of those. (The scan matches
 * texts without making these: see textMatch.ts.)
 */
export function textTokens(cleaned: string): string[] {
  const tokens = wordsOfCleaned(cleaned).flatMap(wordForms);
  return [...tokens, ...hangulBigrams(tokens.join(' '))];
}
