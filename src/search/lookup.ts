import type { IndexField } from './indexedVersion.js';

/** A candidate from a lookup: a concept, and (from the inverted index) its BM25 score. */
export interface Candidate {
  slug: string;
  score: number;
}

/** How a lookup expands its terms: by prefix (terms of two letters or more), by typos. */
export interface LookupOptions {
  prefix?: boolean;
  fuzzy?: number;
}

/**
 * Concepts whose tokens in `field` match any of `terms` (see `expandsByPrefix`, `typoDistance`),
 * each once. The inverted index (SearchGeneration) answers it best first and at most a limit of
 * them; the scan (SearchScan) all of them.
 */
export type Lookup = (
  terms: readonly string[],
  field: IndexField,
  options: LookupOptions,
) => Candidate[];

/** True when a term also matches the tokens it begins (one-letter terms match only themselves). */
export function expandsByPrefix(term: string, options: LookupOptions): boolean {
  return Boolean(options.prefix) && term.length >= 2;
}

// MiniSearch's own cap on a fractional fuzziness (its `maxFuzzy` default).
const MAX_TYPOS = 6;

/**
 * How many edits (Levenshtein) a token may differ from the term by and still match it: 0 (only
 * itself) for terms under four letters or lookups without typos. MiniSearch's rule for a
 * fractional `fuzzy`, which the scan must follow to find what the index finds.
 */
export function typoDistance(term: string, options: LookupOptions): number {
  if (!options.fuzzy || term.length < 4) return 0;
  return Math.min(MAX_TYPOS, Math.round(term.length * options.fuzzy));
}
