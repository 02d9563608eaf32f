import { distance } from 'fastest-levenshtein';
import type { AnalyzedQuery } from './analyzeQuery.js';
import { jamo } from './normalize.js';
import type { NameEntry, SearchEntry, TextEntry } from './searchEntries.js';
import { boundedMemo } from './boundedMemo.js';

/** How a concept matched: its score, the field, and what to highlight. */
export interface EntryScore {
  score: number;
  field: string;
  /** The name that matched, for name matches. */
  name?: NameEntry;
  /** The text that matched, for text matches. */
  text?: TextEntry;
  /** The query forms to highlight in a text match. */
  terms: string[];
}

// Tiers, so that the order is: exact name, prefix, n-gram/fuzzy, then text. Within a tier the
// specificity of the match (how much of the name it covers) decides; then the caller's tiebreaks.
const EXACT = 1000;
const CHOSEONG_EXACT = 950;
const PREFIX = 800;
/** The score of the weakest prefix match of a name: anything above needs no typo search. */
export const PREFIX_SCORE = PREFIX;
const CHOSEONG_PREFIX = 750;
const SUBSTRING = 650;
const FUZZY = 600;
const WORDS = 300;
const TEXT = 100;
// At most 2.2 × this: below the smallest step between fields (summary 15, definition 12).
const TIE_WEIGHT = 1;
const FIELD_WEIGHT: Record<TextEntry['field'], number> = {
  summary: 15,
  definition: 12,
  analogy: 8,
  examples: 5,
  details: 5,
};
// A query word found only in a concept's texts supports a name match of its other words.
const TEXT_SUPPORT = 0.3;

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;

// A query's forms are compared with every name of every candidate: their jamo is kept (a few
// queries' worth; names keep their own).
const queryJamo = boundedMemo(1000, jamo);

// A query form as withinTypos compares it, for the last form asked (asked for every word of
// every name of every candidate, form after form).
let lastProbe: { form: string; korean: boolean; letters: string } | undefined;

function probeOf(form: string): { korean: boolean; letters: string } {
  if (lastProbe?.form !== form) {
    const korean = HANGUL_SYLLABLE.test(form);
    lastProbe = { form, korean, letters: korean ? queryJamo(form) : form };
  }
  return lastProbe;
}

// Edits tolerated for a query of this many letters (Latin) or jamo (Korean): one- and
// two-letter typos, none for very short words (where one edit makes another word).
function allowedEdits(length: number, korean: boolean): number {
  if (korean) return length < 5 ? 1 : length < 12 ? 2 : 3;
  return length < 4 ? 0 : length < 6 ? 1 : 2;
}

// Edit distance within the allowance, compared letter by letter (Latin) or jamo by jamo (Korean),
// between a query form and a name (`word` < 0) or one of its words; the name keeps its jamo.
function withinTypos(probe: string, name: NameEntry, word: number): number | null {
  const target = word < 0 ? name.folded : name.words[word]!;
  // No allowance exceeds 3 edits, and a syllable holds at most 3 jamo: cheap rejection first.
  if (Math.abs(probe.length - target.length) > 3) return null;
  const { korean, letters: a } = probeOf(probe);
  const b = korean ? (word < 0 ? name.jamo : name.wordJamo[word]!) : target;
  const allowed = allowedEdits(a.length, korean);
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return null;
  const edits = distance(a, b);
  return edits <= allowed ? edits : null;
}

function scoreName(query: AnalyzedQuery, name: NameEntry): number {
  let best = 0;
  for (const folded of query.folded) {
    if (name.folded === folded) return EXACT;
    const ratio = folded.length / Math.max(1, name.folded.length);
    if (folded.length >= 2 && name.folded.startsWith(folded)) {
      best = Math.max(best, PREFIX + 100 * ratio);
    } else if (folded.length >= 2 && name.folded.includes(folded)) {
      best = Math.max(best, SUBSTRING + 100 * ratio);
    } else {
      const edits = withinTypos(folded, name, -1);
      if (edits !== null) best = Math.max(best, FUZZY - 60 * edits);
    }
  }
  if (query.choseong && name.choseong) {
    if (name.choseong === query.choseong) best = Math.max(best, CHOSEONG_EXACT);
    else if (name.choseong.startsWith(query.choseong) && query.choseong.length >= 2) {
      best = Math.max(best, CHOSEONG_PREFIX + (100 * query.choseong.length) / name.choseong.length);
    }
  }
  return best;
}

// How well one query word matches a name's `index`th word: 1 exact, down to 0.
function wordMatch(forms: readonly string[], name: NameEntry, index: number): number {
  const word = name.words[index]!;
  let best = 0;
  for (const form of forms) {
    if (form === word) return 1;
    if (form.length >= 2 && word.startsWith(form)) best = Math.max(best, 0.8);
    else if (form.length >= 2 && word.includes(form)) best = Math.max(best, 0.6);
    else if (withinTypos(form, name, index) !== null) {
      best = Math.max(best, 0.5);
    }
  }
  return best;
}

// Multi-word queries ("LLM 튜닝", "PETM tuning"): the share of query words found among all names
// (and, more weakly, in the texts), and the name that holds most of them.
function scoreWords(query: AnalyzedQuery, entry: SearchEntry): { score: number; name?: NameEntry } {
  if (query.words.length === 0) return { score: 0 };
  const bestPerWord = query.words.map(() => 0);
  let bestName: NameEntry | undefined;
  let bestNameHits = 0;
  for (const name of entry.names) {
    let hits = 0;
    query.words.forEach((forms, i) => {
      let match = 0;
      for (let index = 0; index < name.words.length; index++) {
        match = Math.max(match, wordMatch(forms, name, index));
        if (match === 1) break;
      }
      if (match >= 0.5) hits++;
      if (match > bestPerWord[i]!) bestPerWord[i] = match;
    });
    if (hits > bestNameHits) {
      bestNameHits = hits;
      bestName = name;
    }
  }
  if (!bestName) return { score: 0 };
  let total = 0;
  query.words.forEach((forms, i) => {
    let best = bestPerWord[i]!;
    if (best < TEXT_SUPPORT && entry.texts.some((t) => forms.some((f) => t.lower.includes(f)))) {
      best = TEXT_SUPPORT;
    }
    total += best;
  });
  const coverage = total / query.words.length;
  if (coverage < 0.5) return { score: 0 };
  // Specific beats general: a name made only of the query's words ranks over a longer one.
  const specificity = bestNameHits / Math.max(1, bestName.words.length);
  return { score: WORDS + 200 * coverage + 40 * specificity, name: bestName };
}

// What to look for in a text: the query's words, and its Hangul bigrams when no word occurs as is
// ("미세조정" in a text that writes "미세 조정").
function textTerms(query: AnalyzedQuery, entry: SearchEntry): string[] {
  const forms = [...new Set(query.words.flat())];
  const found = forms.filter((f) => entry.texts.some((t) => t.lower.includes(f)));
  const terms = found.length > 0 ? found : query.bigrams;
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

// How often the texts use the terms breaks ties between equally good texts: BM25's
// term-frequency part over the concept's texts alone (occurrences, saturating, against their
// length). Only the concept's own entry counts (no corpus statistics), so equally good texts
// are ordered alike whichever path found them (the index or the scan, see SearchIndex) and
// whatever other revisions share the index.
const SATURATION = 1.2;
const LENGTH_WEIGHT = 0.7;
const REFERENCE_LENGTH = 1000;

/**
 * The most a text match scores (TEXT, the best text's value, the term-frequency tie-break), and
 * the least a name match does (a typo match of three edits; words covering half the query):
 * every name match outranks every text match.
 */
export const TEXT_CEILING =
  TEXT + 50 + 10 + Math.max(...Object.values(FIELD_WEIGHT)) + TIE_WEIGHT * (SATURATION + 1);
/** See TEXT_CEILING. */
export const NAME_FLOOR = Math.min(FUZZY - 60 * 3, WORDS + 200 * 0.5);

// The text that holds most of the query's words (all of them, ideally as one phrase), preferring
// a summary or definition; and the texts' term frequency (see above), in the same pass.
function bestText(
  query: AnalyzedQuery,
  entry: SearchEntry,
  terms: string[],
): { text: TextEntry | undefined; value: number; frequency: number } {
  let bestText: TextEntry | undefined;
  let bestValue = -1;
  let occurrences = 0;
  let length = 0;
  for (const text of entry.texts) {
    const lower = text.lower;
    length += lower.length;
    let found = 0;
    for (const term of terms) {
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
        found++;
      }
    }
    if (found === 0) continue;
    occurrences += found;
    const words = query.words.filter((forms) => forms.some((f) => lower.includes(f))).length;
    const coverage = query.words.length > 0 ? words / query.words.length : 0;
    const phrase = query.folded.some((f) => text.folded.includes(f));
    const value = 50 * coverage + (phrase ? 10 : 0) + FIELD_WEIGHT[text.field];
    if (value > bestValue) {
      bestText = text;
      bestValue = value;
    }
  }
  const norm = 1 - LENGTH_WEIGHT + (LENGTH_WEIGHT * length) / REFERENCE_LENGTH;
  const frequency = (occurrences * (SATURATION + 1)) / (occurrences + SATURATION * norm);
  return { text: bestText, value: bestValue, frequency };
}

/**
 * Scores one concept for a query: the best of its name matches (exact, prefix, initial
 * consonants, substring, typo), its word coverage, and (when a lookup found the query in its
 * texts: `inText`) a text match. Returns null when nothing matched.
 */
export function scoreEntry(
  query: AnalyzedQuery,
  entry: SearchEntry,
  inText: boolean,
): EntryScore | null {
  let best: EntryScore | null = null;
  const offer = (candidate: EntryScore) => {
    if (!best || candidate.score > best.score) best = candidate;
  };
  for (const name of entry.names) {
    const score = scoreName(query, name);
    if (score > 0) offer({ score, field: name.field, name, terms: [] });
  }
  const byWords = scoreWords(query, entry);
  if (byWords.name)
    offer({ score: byWords.score, field: byWords.name.field, name: byWords.name, terms: [] });
  // A text match scores at most TEXT_CEILING, below any name match (see NAME_FLOOR): it is
  // worth scoring (making the concept's texts) only for a concept no name of which matched.
  if (inText && !best) {
    const terms = textTerms(query, entry);
    const { text, value, frequency } = bestText(query, entry, terms);
    offer({
      // How often the texts use the terms breaks ties between equally good texts.
      score: TEXT + Math.max(0, value) + TIE_WEIGHT * frequency,
      field: text?.field ?? 'definition',
      ...(text ? { text } : {}),
      terms,
    });
  }
  return best;
}
