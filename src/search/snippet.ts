import type { Concept } from '../domain/concept.js';
import type { Locale } from '../domain/locale.js';
import { localize } from '../domain/localized.js';
import type { AnalyzedQuery } from './analyzeQuery.js';
import { fold } from './normalize.js';
import type { EntryScore } from './scoreEntry.js';
import type { SearchEntry } from './searchEntries.js';

const OPEN = '<mark>';
const CLOSE = '</mark>';
const BEFORE = 30;
const AFTER = 70;

/** Escapes text for HTML, so a snippet is safe to render with its <mark> tags. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Marks the characters of `text` whose folded positions fall in [start, end): folding drops
// spaces and hyphens, so "fine-tuning" can highlight a match of "finetun".
function markFolded(text: string, start: number, end: number): string {
  let out = '';
  let position = 0;
  let open = false;
  for (const char of text) {
    const width = fold(char).length;
    const inside: boolean =
      width > 0 ? position >= start && position < end : open && position < end;
    if (inside && !open) out += OPEN;
    if (!inside && open) out += CLOSE;
    open = inside;
    out += escape(char);
    position += width;
  }
  return open ? out + CLOSE : out;
}

function markName(text: string, query: AnalyzedQuery): string {
  const folded = fold(text);
  for (const q of query.folded) {
    const at = folded.indexOf(q);
    if (at >= 0) return markFolded(text, at, at + q.length);
  }
  if (query.choseong) {
    // The first syllables whose initials the query gave.
    return markFolded(text, 0, query.choseong.length);
  }
  return `${OPEN}${escape(text)}${CLOSE}`;
}

function markText(text: string, terms: string[], phrase: string): string {
  const lower = text.toLowerCase();
  // Center on the whole query where the text has it as a phrase, else on the first word found.
  const phraseAt = lower.indexOf(phrase.toLowerCase());
  const hits =
    phraseAt >= 0
      ? [{ term: phrase, at: phraseAt }]
      : terms.map((term) => ({ term, at: lower.indexOf(term) })).filter((h) => h.at >= 0);
  if (hits.length === 0)
    return escape(text.length > BEFORE + AFTER ? `${text.slice(0, BEFORE + AFTER)}…` : text);
  const first = Math.min(...hits.map((h) => h.at));
  const from = Math.max(0, first - BEFORE);
  const to = Math.min(text.length, first + AFTER);
  const window = text.slice(from, to);
  const pattern = new RegExp(
    terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'gi',
  );
  let out = '';
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    out += escape(window.slice(last, match.index)) + OPEN + escape(match[0]) + CLOSE;
    last = match.index + match[0].length;
  }
  out += escape(window.slice(last));
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`;
}

/** A hit's snippet, and whether it is in another locale than the one asked for. */
export interface Snippet {
  /** HTML-escaped, the match wrapped in <mark>. */
  text: string;
  /** True when its text is Korean for an English search (no translation, or the match is there). */
  fellBack: boolean;
}

/**
 * The snippet of a hit in the requested locale: the term for a name match (with the alias that
 * matched, if another name did), or a window of the matching text around the first match for a
 * text match; in Korean where the requested locale has no such text (then `fellBack`).
 */
export function snippetFor(
  score: EntryScore,
  entry: SearchEntry,
  concept: Concept,
  locale: Locale,
  query: AnalyzedQuery,
): Snippet {
  let fellBack = false;
  const term = localize(concept.term, locale, () => (fellBack = true));
  if (score.name) {
    if (score.name.text === term) return { text: markName(term, query), fellBack };
    return { text: `${escape(term)} (${markName(score.name.text, query)})`, fellBack };
  }
  // The matching text in the requested locale if the match is there, else where it matched.
  const text =
    entry.texts.find(
      (t) =>
        t.field === score.field &&
        t.locale === locale &&
        score.terms.some((x) => t.text.toLowerCase().includes(x)),
    ) ?? score.text;
  if (!text) return { text: escape(term), fellBack };
  return { text: markText(text.text, score.terms, query.text), fellBack: text.locale !== locale };
}
