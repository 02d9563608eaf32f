import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';
import { ValidationError } from '../errors.js';
import { analyzeQuery } from './analyzeQuery.js';
import type { SearchIndex } from './searchIndex.js';
import { snippetFor } from './snippet.js';

/** Results a search returns when the client does not say, and at most. */
export const DEFAULT_SEARCH_RESULTS = 10;
export const MAX_SEARCH_RESULTS = 50;

/**
 * The concepts a reader may see, by slug (the read model's index for the reader's audience):
 * a search finds only these, and its hits hold them as given here.
 */
export interface VisibleConcepts<C extends Concept> {
  concept(slug: string): C | undefined;
}

/** One search result. */
export interface SearchHit<C extends Concept = Concept> {
  concept: C;
  score: number;
  /** The field that matched: term, alias, summary, definition, analogy, details or examples. */
  field: string;
  /** HTML-escaped text in the requested locale with the match in <mark>. */
  snippet: string;
  /** True when the snippet is in Korean for an English search (see snippetFor). */
  snippetFellBack: boolean;
}

/**
 * Searches the concepts this reader may see, best first (ties by slug, so the order is stable).
 * An empty or over-long query, or `first` outside 1…50, is BAD_USER_INPUT.
 */
export function searchConcepts<C extends Concept>(
  visible: VisibleConcepts<C>,
  search: SearchIndex,
  query: string,
  options: { first?: number | null; locale: Locale },
): SearchHit<C>[] {
  const first = options.first ?? DEFAULT_SEARCH_RESULTS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) {
    throw new ValidationError(`"first" must be between 1 and ${MAX_SEARCH_RESULTS}, got ${first}`, [
      { path: ['first'], message: `must be an integer between 1 and ${MAX_SEARCH_RESULTS}` },
    ]);
  }
  const analyzed = analyzeQuery(query);
  return search
    .match(analyzed, first, (slug) => visible.concept(slug) !== undefined)
    .flatMap((match) => {
      const concept = visible.concept(match.entry.slug);
      return concept ? [{ match, concept }] : [];
    })
    .sort(
      (a, b) =>
        b.match.score.score - a.match.score.score || (a.concept.slug < b.concept.slug ? -1 : 1),
    )
    .slice(0, first)
    .map(({ match, concept }) => {
      const snippet = snippetFor(match.score, match.entry, concept, options.locale, analyzed);
      return {
        concept,
        score: Math.round(match.score.score * 100) / 100,
        field: match.score.field,
        snippet: snippet.text,
        snippetFellBack: snippet.fellBack,
      };
    });
}
