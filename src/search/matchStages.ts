import type { AnalyzedQuery } from './analyzeQuery.js';
import type { Lookup } from './lookup.js';
import { jamo } from './normalize.js';
import { PREFIX_SCORE, scoreEntry, TEXT_SCORE_CEILING, type EntryScore } from './scoreEntry.js';
import type { SearchEntry } from './searchEntries.js';

/** A match before it is turned into a hit: the concept's entry and how it scored. */
export interface SearchMatch {
  entry: SearchEntry;
  score: EntryScore;
}

/**
 * A query's matches, scored; unordered. Lookups go from cheap to costly and stop once `wanted`
 * names already matched exactly or by prefix: nothing found later (word, partial, typo or text
 * matches) could outrank those. Texts are looked in last, and only while fewer than `wanted`
 * concepts outscore any text match: then no text match could be among the `wanted` best. (So
 * the matches returned may lack some that rank below the `wanted` best.) The index and the
 * scan that answers before it is built run these same stages, each with its own `lookup`.
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
  const countVisible = (counts: (score: number) => boolean) =>
    [...scored.values()].filter((m) => m && counts(m.score.score) && visible(m.entry.slug)).length;
  const strong = () => countVisible((score) => score >= PREFIX_SCORE);
  const results = () => [...scored.values()].filter((m): m is SearchMatch => m !== null);

  // 1. The whole query as a name (exact, prefix) or as initial consonants.
  consider(lookup(query.folded, 'names', { prefix: true }));
  if (query.choseong) consider(lookup([query.choseong], 'initials', { prefix: true }));
  if (strong() >= wanted) return results();

  // 2. Its words in names.
  const forms = query.words.flat();
  consider(lookup(forms, 'names', { prefix: true }));

  // 3. Unless a name matched exactly or by prefix: partial and typo matches, name bigrams and
  // fuzzy lookups.
  if (strong() === 0) {
    consider(lookup(query.bigrams, 'names', {}));
    consider(lookup([...query.folded, ...forms], 'names', { fuzzy: 0.3 }));
    const hangul = [...query.folded, ...forms].filter((t) => /[\uAC00-\uD7A3]/.test(t)).map(jamo);
    consider(lookup(hangul, 'jamo', { fuzzy: 0.2 }));
  }

  // 4. Its words in texts, unless `wanted` concepts already score above any text match (a
  // name match outscores every text match, so what is found in its texts leaves its score as
  // it is; a text lookup costs the most). Hangul bigrams ("모델" is everywhere, so costly)
  // only when no word occurs in a text. Concepts a name lookup found but did not match are
  // scored again, with their texts.
  if (countVisible((score) => score > TEXT_SCORE_CEILING) >= wanted) return results();
  let textHits = lookup(forms, 'text', { prefix: true });
  if (textHits.length === 0) textHits = lookup(query.bigrams, 'text', {});
  for (const hit of textHits) inText.add(hit.slug);
  for (const slug of inText) if (scored.get(slug) === null) scored.delete(slug);
  consider(textHits);
  return results();
}
