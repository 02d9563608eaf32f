import type { AnalyzedQuery } from './analyzeQuery.js';
import type { Lookup } from './lookup.js';
import { jamo } from './normalize.js';
import { PREFIX_SCORE, scoreEntry, type EntryScore } from './scoreEntry.js';
import type { SearchEntry } from './searchEntries.js';

/** A match before it is turned into a hit: the concept's entry and how it scored. */
export interface SearchMatch {
  entry: SearchEntry;
  score: EntryScore;
}

/**
 * A query's matches, scored; unordered. Lookups go from cheap to costly and stop once `wanted`
 * names already matched exactly or by prefix: nothing found later (word, partial, typo or text
 * matches) could outrank those. The index and the scan that answers before it is built run
 * these same stages, each with its own `lookup`.
 */
export function matchInStages(
  query: AnalyzedQuery,
  wanted: number,
  visible: (slug: string) => boolean,
  lookup: Lookup,
  entryOf: (slug: string) => SearchEntry,
): SearchMatch[] {
  const scored = new Map<string, SearchMatch | null>();
  const inText = new Set<string>();
  const consider = (hits: { slug: string }[]) => {
    for (const { slug } of hits) {
      if (scored.has(slug)) continue;
      const entry = entryOf(slug);
      const score = scoreEntry(query, entry, inText.has(slug));
      scored.set(slug, score ? { entry, score } : null);
    }
  };
  // Only matches this reader may see count towards stopping early.
  const strong = () =>
    [...scored.values()].filter((m) => m && m.score.score >= PREFIX_SCORE && visible(m.entry.slug))
      .length;
  const results = () => [...scored.values()].filter((m): m is SearchMatch => m !== null);

  // 1. The whole query as a name (exact, prefix) or as initial consonants.
  consider(lookup(query.folded, 'names', { prefix: true }));
  if (query.choseong) consider(lookup([query.choseong], 'initials', { prefix: true }));
  if (strong() >= wanted) return results();

  // 2. Its words, in names and texts (texts first, so text matches are known when ranking).
  // Hangul bigrams ("모델" is everywhere, so costly) only when no word occurs in a text.
  const forms = query.words.flat();
  let textHits = lookup(forms, 'text', { prefix: true });
  if (textHits.length === 0) textHits = lookup(query.bigrams, 'text', {});
  for (const hit of textHits) inText.add(hit.slug);
  for (const slug of inText) if (scored.get(slug) === null) scored.delete(slug);
  consider(lookup(forms, 'names', { prefix: true }));
  consider(textHits);
  if (strong() > 0) return results();

  // 3. Partial and typo matches: name bigrams and fuzzy lookups, the costly part.
  consider(lookup(query.bigrams, 'names', {}));
  consider(lookup([...query.folded, ...forms], 'names', { fuzzy: 0.3 }));
  const hangul = [...query.folded, ...forms].filter((t) => /[\uAC00-\uD7A3]/.test(t)).map(jamo);
  consider(lookup(hangul, 'jamo', { fuzzy: 0.2 }));
  return results();
}
