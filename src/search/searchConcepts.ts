import type { ContentIndex } from '../content/contentIndex.js';
import type { Entry } from '../content/entries.js';
import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';
import { ValidationError } from '../errors.js';
import { analyzeQuery } from './analyzeQuery.js';
import type { SearchIndex } from './searchIndex.js';
import { snippetFor } from './snippet.js';

/** Results a search returns when the client does not say, and at most. */
export const DEFAULT_SEARCH_RESULTS = 10;
export const MAX_SEARCH_RESULTS = 50;

/** One search result. */
export interface SearchHit {
  concept: Entry<Concept>;
  score: number;
  /** The field that matched: term, alias, summary, definition, analogy, details or examples. */
  field: string;
  /** HTML-escaped text in the requested locale with the match in <mark>. */
  snippet: string;
}

/**
 * Searches the concepts this reader may see, best first (ties by slug, so the order is stable).
 * An empty or over-long query, or `first` outside 1…50, is BAD_USER_INPUT.
 */
export function searchConcepts(
  index: ContentIndex,
  search: SearchIndex,
  query: string,
  options: { first?: number | null; locale: Locale },
): SearchHit[] {
  const first = options.first ?? DEFAULT_SEARCH_RESULTS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
    throw new ValidationError(`"first" must be between 1 and ${MAX_SEARCH_RESULTS}, got ${first}`, [
      { path: ['first'], message: `must be an integer between 1 and ${MAX_SEARCH_RESULTS}` },
    ]);
  }
  const analyzed = analyzeQuery(query);
  return search
    .match(analyzed, first, (slug) => index.concept(slug) !== undefined)
    .flatMap((match) => {
      const concept = index.concept(match.entry.slug);
      return concept ? [{ match, concept }] : [];
    })
    .sort(
      (a, b) =>
        b.match.score.score - a.match.score.score || (a.concept.slug < b.concept.slug ? -1 : 1),
    )
    .slice(0, first)
    .map(({ match, concept }) => ({
      concept,
      score: Math.round(match.score.score * 100) / 100,
      field: match.score.field,
      snippet: snippetFor(match.score, match.entry, concept, options.locale, analyzed),
    }));
}
