/** A concept a link may name. */
export interface LinkableConcept {
  slug: string;
  term: string;
  aliases: readonly string[];
}

/** Where a concept link is being typed: the slug typed so far and where it starts. */
export interface CompletionTrigger {
  /** Index in the text where the slug starts (just after `concept:`). */
  start: number;
  /** The slug typed so far (possibly empty). */
  query: string;
}

// `](concept:` then the slug typed so far, right before the caret, on one line. The link text
// (`[…]`) is the writer's own; only the destination is completed.
const TRIGGER = /\]\(concept:([^\s()[\]]*)$/;

/**
 * The completion trigger at the caret: the caret follows `](concept:` and the slug characters
 * typed after it (`[인코더](concept:enc|`). Null anywhere else, and when a selection spans text.
 */
export function completionTrigger(
  text: string,
  caret: number,
  selectionEnd = caret,
): CompletionTrigger | null {
  if (selectionEnd !== caret) return null;
  const line = text.slice(text.lastIndexOf('\n', caret - 1) + 1, caret);
  const match = TRIGGER.exec(line);
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length, query };
}

/**
 * The concepts that match what was typed, best first: slug prefix, then term or alias prefix,
 * then anywhere in slug, term or aliases (case-insensitive). At most `limit`.
 */
export function matchingConcepts(
  concepts: readonly LinkableConcept[],
  query: string,
  limit = 8,
): LinkableConcept[] {
  const q = query.toLowerCase();
  const rank = (concept: LinkableConcept): number => {
    const names = [concept.term, ...concept.aliases].map((name) => name.toLowerCase());
    if (concept.slug.startsWith(q)) return 0;
    if (names.some((name) => name.startsWith(q))) return 1;
    if (concept.slug.includes(q) || names.some((name) => name.includes(q))) return 2;
    return 3;
  };
  return concepts
    .map((concept) => ({ concept, rank: rank(concept) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.concept.slug.localeCompare(b.concept.slug))
    .slice(0, limit)
    .map((entry) => entry.concept);
}

/**
 * The text with the typed slug replaced by the chosen one and the link closed (`)` added unless
 * one follows already), and where the caret goes: after the link.
 */
export function acceptCompletion(
  text: string,
  caret: number,
  trigger: CompletionTrigger,
  slug: string,
): { text: string; caret: number } {
  // The rest of a slug already written after the caret is replaced too.
  const tail = /^[^\s()[\]]*/.exec(text.slice(caret))![0];
  const after = text.slice(caret + tail.length);
  const closing = after.startsWith(')') ? '' : ')';
  const inserted = `${slug}${closing}`;
  return {
    text: `${text.slice(0, trigger.start)}${inserted}${after}`,
    caret: trigger.start + inserted.length + (closing ? 0 : 1),
  };
}
