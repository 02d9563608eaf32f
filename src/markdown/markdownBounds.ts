import { MAX_LESSON_MARKDOWN } from '../domain/lesson.js';
import { MarkdownError } from './markdownError.js';

/**
 * What lesson markdown may hold, checked by one linear scan before it is parsed.
 *
 * Why: the Markdown parser (micromark, under remark) is superlinear on some inputs and recursive
 * on nested containers. Measured on the 2-core machine this project is developed on: 20 KB of
 * nested brackets took 1.2 s, emphasis markers on the lines of one paragraph 37 s for 40 KB
 * (quadratic per paragraph), a table of 3,000 columns 8 s, and a few thousand `>` overflowed
 * the stack. The course's lesson (~9,000 characters, 102 lines) is far inside every bound; the
 * worst document these bounds accept parses in ~0.2–0.3 s there (`npm run bench -- bounds`,
 * docs/hardening.md), and the parse runs off the request thread under a deadline besides.
 */
export const MARKDOWN_BOUNDS = {
  /** Characters per locale (the lesson schema's own bound). */
  characters: MAX_LESSON_MARKDOWN,
  lines: 500,
  /** `>` markers before a line's text. */
  quoteDepth: 8,
  /** Leading whitespace of a line outside fenced code: lists nest by indentation. */
  indentColumns: 40,
  /** `[`/`(` open at once within one block. */
  bracketDepth: 32,
  /** `*`, `_` and `~` within one paragraph (or one table row) … */
  emphasisPerParagraph: 200,
  /** … and in the whole document, with the other markup characters. */
  markupCharacters: 5_000,
  tableColumns: 50,
  tableCells: 2_000,
} as const;

const EMPHASIS = new Set(['*', '_', '~']);
const MARKUP = new Set(['*', '_', '~', '[', ']', '(', ')', '|', '>', '<', '!', '`', '&']);
const FENCE = /^(`{3,}|~{3,})/;
// A GFM table's delimiter row: `| --- | :-: |` (pipes optional at the ends).
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Checks markdown against MARKDOWN_BOUNDS in one pass over its lines, without parsing it.
 * Throws a MarkdownError naming the first bound broken, its line and the value found.
 */
export function checkMarkdownBounds(markdown: string): void {
  const bounds = MARKDOWN_BOUNDS;
  if (markdown.length > bounds.characters) {
    throw new MarkdownError(
      `is ${markdown.length} characters long; at most ${bounds.characters} are allowed`,
      undefined,
    );
  }
  const lines = markdown.split(/\r\n|\r|\n/);
  if (lines.length > bounds.lines) {
    throw new MarkdownError(
      `has ${lines.length} lines; at most ${bounds.lines} are allowed`,
      undefined,
    );
  }
  let fence: string | null = null;
  let markup = 0;
  let paragraphEmphasis = 0;
  let bracketDepth = 0;
  let tableColumns = 0;
  let tableCells = 0;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const fail = (message: string): never => {
      throw new MarkdownError(message, lineNumber);
    };
    // Container prefix: block quote markers and the indentation around them.
    let at = 0;
    let quotes = 0;
    while (at < line.length && (line[at] === '>' || line[at] === ' ' || line[at] === '\t')) {
      if (line[at] === '>') quotes++;
      at++;
    }
    const text = line.slice(at);
    const fenceMark = FENCE.exec(text)?.[1];
    if (fence !== null) {
      // Inside fenced code nothing is markup; only the closing fence matters.
      if (fenceMark?.startsWith(fence)) fence = null;
      return;
    }
    if (quotes > bounds.quoteDepth) {
      fail(`block quotes nest ${quotes} deep; at most ${bounds.quoteDepth} are allowed`);
    }
    if (fenceMark) {
      fence = fenceMark;
      return;
    }
    const indent = columns(line.slice(0, at).replace(/>/g, ''));
    if (indent > bounds.indentColumns) {
      fail(`is indented ${indent} columns; at most ${bounds.indentColumns} are allowed`);
    }
    if (text.trim() === '') {
      // A blank line ends the block: brackets and emphasis cannot span it.
      paragraphEmphasis = 0;
      bracketDepth = 0;
      tableColumns = 0;
      return;
    }
    const delimiterRow = DELIMITER_ROW.test(text) && text.includes('-') && text.includes('|');
    if (delimiterRow) {
      tableColumns = text.split('|').filter((cell) => cell.trim() !== '').length;
      if (tableColumns > bounds.tableColumns) {
        fail(`a table has ${tableColumns} columns; at most ${bounds.tableColumns} are allowed`);
      }
    }
    // The header row (above the delimiter row) and every row after it.
    const tableRow = tableColumns > 0 && (delimiterRow || text.trimStart().startsWith('|'));
    if (tableRow) {
      tableCells += tableColumns;
      if (tableCells > bounds.tableCells) {
        fail(`the tables have over ${bounds.tableCells} cells; at most that many are allowed`);
      }
      // Table cells are parsed one by one: emphasis counts per row, not per table.
      paragraphEmphasis = 0;
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (char === '\\') {
        i++;
        continue;
      }
      if (!MARKUP.has(char)) continue;
      if (++markup > bounds.markupCharacters) {
        fail(
          `has over ${bounds.markupCharacters} markup characters; at most that many are allowed`,
        );
      }
      if (EMPHASIS.has(char) && ++paragraphEmphasis > bounds.emphasisPerParagraph) {
        fail(
          `a paragraph has over ${bounds.emphasisPerParagraph} emphasis markers (* _ ~); split it`,
        );
      }
      if (char === '[' || char === '(') {
        if (++bracketDepth > bounds.bracketDepth) {
          fail(`brackets nest over ${bounds.bracketDepth} deep; at most that many are allowed`);
        }
      } else if ((char === ']' || char === ')') && bracketDepth > 0) {
        bracketDepth--;
      }
    }
  });
}

// Columns of leading whitespace, tabs to the next multiple of 4 (CommonMark's tab stop).
function columns(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
