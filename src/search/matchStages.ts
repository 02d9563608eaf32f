import type { AnalyzedQuery } from './analyzeQuery.js';
import type { Candidate, Lookup } from './lookup.js';
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
  lookup = remembered(lookup);
  const scored = new Map<string, SearchMatch | null>();
  const inText = new Set<string>();
  // Concepts only a text matched, scored last (see results).
  const textOnly = new Set<string>();
  const consider = (hits: { slug: string }[]) => {
    for (const { slug } of hits) {
      if (scored.has(slug)) continue;
      const entry = entryOf(slug);
      // Names first: a concept whose name matched scores by its name (see NAME_FLOOR).
      const score = scoreEntry(query, entry, false);
      if (!score && inText.has(slug)) textOnly.add(slug);
      scored.set(slug, score ? { entry, score } : null);
    }
  };
  // Only matches this reader may see count towards stopping early.
  const strong = () =>
    [...scored.values()].filter((m) => m && m.score.score >= PREFIX_SCORE && visible(m.entry.slug))
      .length;
  // Every name match outranks every text match: when `wanted` visible names matched, no
  // concept only a text matched can be among the answers, and their texts are not scored
  // (which makes them: most of what a search before the index is built costs).
  const results = () => {
    const found = [...scored.values()].filter((m): m is SearchMatch => m !== null);
    if (found.filter((m) => visible(m.entry.slug)).length >= wanted) return found;
    for (const slug of textOnly) {
      const entry = entryOf(slug);
      const score = scoreEntry(query, entry, true);
      if (score) found.push({ entry, score });
    }
    return found;
  };

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

// The lookup, asked once per distinct request: a query of one word asks for the same names
// as a whole (stage 1) and as its words (stage 2), and a scan's lookup reads every concept.
function remembered(lookup: Lookup): Lookup {
  const answers = new Map<string, Candidate[]>();
  return (terms, field, options) => {
    const key = `${field}\0${options.prefix ? 1 : 0}\0${options.fuzzy ?? 0}\0${terms.join('\0')}`;
    let found = answers.get(key);
    if (!found) {
      found = lookup(terms, field, options);
      answers.set(key, found);
    }
    return found;
  };
}
