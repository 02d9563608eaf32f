/**
 * Lesson markdown with its links to some concepts taken out, their text kept:
 * `[트랜스포머](concept:transformer)` becomes `트랜스포머` when `hidden('transformer')`.
 *
 * Why a scan and not the parser: a reader's copy of a lesson must not name a concept that reader
 * may not see, and this runs while the read model is built, synchronously, for the rare lesson
 * that links an unpublished concept; the Markdown parser is loaded lazily and parses on another
 * thread. Lessons are parsed when written, so what is here is known to be well formed, and concept
 * links are inline links (the parser refuses reference definitions). Whatever the scan cannot
 * match as a link (an autolink `<concept:slug>`, a destination inside odd brackets) loses the
 * `concept:slug` text itself: the slug is never left behind.
 */
export function unlinkConceptLinks(markdown: string, hidden: (slug: string) => boolean): string {
  let result = markdown;
  // Inline links: `[label](concept:slug)` or `[label](concept:slug "title")`, label unescaped.
  const link = /\]\(\s*concept:([a-z0-9-]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
  let match: RegExpExecArray | null;
  while ((match = link.exec(result)) !== null) {
    if (!hidden(match[1]!)) continue;
    const open = matchingOpenBracket(result, match.index);
    if (open === -1) continue;
    const label = result.slice(open + 1, match.index);
    result = result.slice(0, open) + label + result.slice(match.index + match[0].length);
    // Go on after the label: it may hold (or end in) further links.
    link.lastIndex = open;
  }
  // Anything else that still names a hidden concept: the reference goes, whatever it was.
  return result.replace(/<?concept:([a-z0-9-]+)>?/g, (whole, slug: string) =>
    hidden(slug) ? '' : whole,
  );
}

// The `[` that opens the link label closed by the `]` at `close`: brackets nest, backslash
// escapes do not count.
function matchingOpenBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= 0; i--) {
    const char = text[i];
    if (char !== '[' && char !== ']') continue;
    if (escaped(text, i)) continue;
    if (char === ']') depth++;
    else if (depth === 0) return i;
    else depth--;
  }
  return -1;
}

// Whether the character at `index` is escaped: preceded by an odd number of backslashes.
function escaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}
