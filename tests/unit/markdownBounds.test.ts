// Lesson markdown is held to bounds before it is parsed: each one refuses what lies past it with
// the rule and the line, accepts what lies within it, and the course itself is far inside.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSeedDir } from '../../src/paths.js';
import { checkMarkdownBounds, MARKDOWN_BOUNDS } from '../../src/markdown/markdownBounds.js';
import { MarkdownError } from '../../src/markdown/markdownError.js';
import { MarkdownParserThread } from '../../src/markdown/parseOffThread.js';
import { parseMarkdown } from '../../src/markdown/parseMarkdown.js';

const HEAD = '## 제목 {#title}\n\n';

function refusal(markdown: string): MarkdownError | undefined {
  try {
    checkMarkdownBounds(markdown);
    return undefined;
  } catch (error) {
    if (error instanceof MarkdownError) return error;
    throw error;
  }
}

const nested = (depth: number) => `${'['.repeat(depth)}a${']'.repeat(depth)}`;
const table = (columns: number, rows: number) =>
  [
    `|${' h |'.repeat(columns)}`,
    `|${'---|'.repeat(columns)}`,
    ...Array.from({ length: rows }, () => `|${' c |'.repeat(columns)}`),
  ].join('\n');

describe('markdown bounds', () => {
  it('accepts the course lessons', () => {
    for (const locale of ['ko', 'en']) {
      const file = join(defaultSeedDir(), 'lessons', `introduction-to-llms.${locale}.md`);
      expect(refusal(readFileSync(file, 'utf8'))).toBeUndefined();
    }
  });

  // Each bound: the largest value it allows, then one more, with the rule the author reads.
  it.each([
    [
      'characters',
      (n: number) => HEAD + 'a'.repeat(n - HEAD.length),
      MARKDOWN_BOUNDS.characters,
      /is 50001 characters long; at most 50000/,
    ],
    [
      'lines',
      (n: number) => HEAD + 'a\n'.repeat(n - 3) + 'a',
      MARKDOWN_BOUNDS.lines,
      /has 501 lines; at most 500/,
    ],
    [
      'block quote depth',
      (n: number) => `${HEAD}${'>'.repeat(n)} a\n`,
      MARKDOWN_BOUNDS.quoteDepth,
      /line 3: block quotes nest 9 deep; at most 8/,
    ],
    [
      'indentation (list depth)',
      (n: number) => `${HEAD}- a\n${' '.repeat(n)}- b\n`,
      MARKDOWN_BOUNDS.indentColumns,
      /line 4: is indented 41 columns; at most 40/,
    ],
    [
      'bracket nesting',
      (n: number) => HEAD + nested(n),
      MARKDOWN_BOUNDS.bracketDepth,
      /line 3: brackets nest over 32 deep/,
    ],
    [
      'emphasis markers in one paragraph',
      (n: number) => HEAD + '*'.repeat(n),
      MARKDOWN_BOUNDS.emphasisPerParagraph,
      /line 3: a paragraph has over 200 emphasis markers/,
    ],
    [
      'markup characters in the document',
      (n: number) => HEAD + '[a] '.repeat(n / 2),
      MARKDOWN_BOUNDS.markupCharacters,
      /has over 5000 markup characters/,
    ],
    [
      'table columns',
      (n: number) => HEAD + table(n, 1),
      MARKDOWN_BOUNDS.tableColumns,
      /line 4: a table has 51 columns; at most 50/,
    ],
    [
      'table cells',
      // The header row counts: n cells are the header and n / 10 - 1 rows.
      (n: number) => HEAD + table(10, Math.ceil(n / 10) - 1),
      MARKDOWN_BOUNDS.tableCells,
      /the tables have over 2000 cells/,
    ],
  ])('bounds %s', (_name, make, bound, message) => {
    expect(refusal(make(bound))).toBeUndefined();
    const step = make(bound + 1) === make(bound) ? 2 : 1;
    expect(refusal(make(bound + step))?.message).toMatch(message);
  });

  it('counts nothing inside fenced code, escaped characters or across blank lines', () => {
    const code =
      '```\n' + `${'>'.repeat(50)} ${nested(100)} ${'*'.repeat(500)}\n`.repeat(5) + '```\n';
    expect(refusal(HEAD + code)).toBeUndefined();
    expect(refusal(HEAD + '\\['.repeat(100))).toBeUndefined();
    expect(refusal(HEAD + `${'*'.repeat(150)}\n\n`.repeat(10))).toBeUndefined();
    expect(refusal(HEAD + `${'['.repeat(30)}\n\n`.repeat(10))).toBeUndefined();
  });

  it('counts emphasis per row in a table, not per table', () => {
    const rows = Array.from({ length: 20 }, () => `| ${'**b** '.repeat(20)} | c |`);
    expect(refusal([HEAD + '| a | b |', '|---|---|', ...rows].join('\n'))).toBeUndefined();
  });

  it('holds the seed tools, which parse in their own process, to the same bounds', () => {
    expect(() => parseMarkdown(`${HEAD}${'>'.repeat(5000)} a\n`)).toThrow(
      /block quotes nest 5000 deep/,
    );
  });
});

describe('the parser thread', () => {
  // A deadline far below what the large document below takes to parse anywhere (about 300 ms
  // here) and far above what a one-line document takes, even on a loaded machine.
  const thread = new MarkdownParserThread(60);
  afterAll(() => thread.close());

  it('parses what parseMarkdown parses, to the same tree', async () => {
    const file = join(defaultSeedDir(), 'lessons', 'introduction-to-llms.en.md');
    const markdown = readFileSync(file, 'utf8');
    expect(await new MarkdownParserThread().parse(markdown)).toEqual(parseMarkdown(markdown));
  });

  it('refuses a document over a bound before it reaches the thread', async () => {
    await expect(thread.parse(`${HEAD}${'>'.repeat(5000)} a\n`)).rejects.toThrow(
      /block quotes nest 5000 deep/,
    );
  });

  it('stops a parse at its deadline, refuses the document, and parses the next one', async () => {
    const large =
      HEAD +
      Array.from({ length: 490 }, (_, i) => `${' '.repeat((i % 20) * 2)}- abcdefghijklmnopq`).join(
        '\n',
      );
    expect(refusal(large)).toBeUndefined();
    await expect(thread.parse(large)).rejects.toThrow(
      new MarkdownError('took over 60 ms to parse; simplify its markup', undefined),
    );
    expect((await thread.parse(`${HEAD}a\n`)).type).toBe('root');
  });
});
