import type { Block, Span } from '../../src/domain/block.js';
import { lessonSchema, lessonSourceSchema, type LessonSource } from '../../src/domain/lesson.js';
import { ValidationError } from '../../src/errors.js';
import { buildLesson, hashLessonSource } from '../../src/markdown/buildLesson.js';
import { conceptsIn, plainText, visitBlocks } from '../../src/markdown/visitBlocks.js';
import { validationError } from '../helpers/thrown.js';

// Lesson markdown → lesson document (src/markdown/): the title and section split, anchors and
// their agreement across Korean and English, the blocks and spans built from CommonMark + GFM,
// the refusals (unsafe links, raw HTML, content before the first heading), derived concepts,
// reading time and content hash, and the block walkers conceptsIn / plainText.

function source(ko: string, en?: string, overrides: Partial<LessonSource> = {}): LessonSource {
  return {
    ...lessonSourceSchema.parse({
      slug: 'test-lesson',
      title: { ko: '테스트 강의', en: 'Test lesson' },
      markdown: en === undefined ? { ko } : { ko, en },
    }),
    ...overrides,
  };
}

/** The Korean blocks of the single section of `body` (a section heading is added on top). */
function blocksOf(body: string): Block[] {
  const lesson = buildLesson(source(`## 섹션\n\n${body}\n`));
  expect(lesson.sections).toHaveLength(1);
  return lesson.sections[0]!.body.ko.blocks;
}

/** The spans of a body that is a single paragraph. */
function spansOf(body: string): Span[] {
  const blocks = blocksOf(body);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${block?.type}`);
  return block.spans;
}

const plain = (text: string): Span => ({ text, marks: [] });

describe('buildLesson: title and sections', () => {
  it('takes a leading "# Title" as the document title, not as a section', () => {
    const lesson = buildLesson(source('# 문서 제목\n\n## 첫 섹션\n\n본문\n'));
    expect(lesson.sections.map((s) => s.title.ko)).toEqual(['첫 섹션']);
    expect(lesson.sections[0]!.level).toBe(2);
  });

  it('opens sections at ## and ### (levels 2 and 3) and keeps #### as a heading block inside', () => {
    const lesson = buildLesson(
      source('## 둘\n\n가\n\n### 셋\n\n나\n\n#### 넷\n\n다\n\n## 다시 둘\n\n라\n'),
    );
    expect(lesson.sections.map((s) => [s.title.ko, s.level])).toEqual([
      ['둘', 2],
      ['셋', 3],
      ['다시 둘', 2],
    ]);
    expect(lesson.sections[1]!.body.ko.blocks).toEqual([
      { type: 'paragraph', spans: [plain('나')] },
      { type: 'heading', level: 4, spans: [plain('넷')] },
      { type: 'paragraph', spans: [plain('다')] },
    ]);
  });

  it('keeps the Korean and English titles and bodies of each section side by side', () => {
    const lesson = buildLesson(
      source('## 가\n\n하나\n\n## 나\n\n둘\n', '## A\n\none\n\n## B\n\ntwo\n'),
    );
    expect(lesson.sections.map((s) => s.title)).toEqual([
      { ko: '가', en: 'A' },
      { ko: '나', en: 'B' },
    ]);
    expect(lesson.sections[1]!.body.en?.blocks).toEqual([
      { type: 'paragraph', spans: [plain('two')] },
    ]);
  });

  it('copies slug, number, title, status, summary and markdown from the source', () => {
    const src = source('## 가\n\n본문\n', undefined, {
      number: 7,
      status: 'DRAFT',
      summary: { ko: '요약' },
    });
    const lesson = buildLesson(src);
    expect(lesson).toMatchObject({
      slug: 'test-lesson',
      number: 7,
      title: { ko: '테스트 강의', en: 'Test lesson' },
      status: 'DRAFT',
      summary: { ko: '요약' },
      markdown: { ko: '## 가\n\n본문\n' },
    });
    expect(lesson.readingMinutes.en).toBeUndefined();
    expect(lesson.sections[0]!.body.en).toBeUndefined();
    expect(() => lessonSchema.parse(lesson)).not.toThrow();
  });

  it('refuses content before the first section heading', () => {
    const error = validationError(() => buildLesson(source('머리말\n\n## 가\n\n본문\n')));
    expect(error.issues).toEqual([
      {
        path: ['markdown', 'ko'],
        message: expect.stringMatching(/^line 1: content must start with a section heading/),
      },
    ]);
  });

  it('refuses content between the document title and the first section heading', () => {
    const error = validationError(() => buildLesson(source('# 제목\n\n머리말\n\n## 가\n')));
    expect(error.issues[0]).toEqual({
      path: ['markdown', 'ko'],
      message: expect.stringMatching(/^line 3: content must start with a section heading/),
    });
  });

  it('refuses markdown with no section heading at all', () => {
    const error = validationError(() => buildLesson(source('# 제목만\n')));
    expect(error.issues[0]!.message).toMatch(/no section headings/);
  });

  it('names the English markdown when only the English is invalid', () => {
    const error = validationError(() => buildLesson(source('## 가\n', 'preface\n\n## A\n')));
    expect(error.issues.map((i) => i.path)).toEqual([['markdown', 'en']]);
  });
});

describe('buildLesson: anchors', () => {
  it('uses an explicit {#anchor} and strips it from the title', () => {
    const lesson = buildLesson(source('## 제목 {#my-anchor}\n\n본문\n'));
    expect(lesson.sections[0]).toMatchObject({ anchor: 'my-anchor', title: { ko: '제목' } });
  });

  it('strips the anchor after inline formatting in the heading', () => {
    const lesson = buildLesson(source('### 도구 *(구 이름)* {#tool}\n\n본문\n'));
    expect(lesson.sections[0]).toMatchObject({ anchor: 'tool', title: { ko: '도구 (구 이름)' } });
  });

  it.each([
    ['Three Kinds', 'three-kinds'],
    ['CoT (Chain-of-thought Reasoning)', 'cot-chain-of-thought-reasoning'],
    ['  What "Large" Means in LLM?  ', 'what-large-means-in-llm'],
    ['Step 2: Tune', 'step-2-tune'],
  ])('derives the anchor from the English heading %j → %s', (heading, anchor) => {
    const lesson = buildLesson(source('## 한국어 제목\n\n본문\n', `## ${heading}\n\ntext\n`));
    expect(lesson.sections[0]!.anchor).toBe(anchor);
  });

  it('falls back to section-N when there is no English or it yields no ASCII slug', () => {
    expect(
      buildLesson(source('## 가\n\n하나\n\n## 나\n\n둘\n')).sections.map((s) => s.anchor),
    ).toEqual(['section-1', 'section-2']);
    expect(
      buildLesson(source('## 가\n\n## 나\n', '## 가나\n\n## B\n')).sections.map((s) => s.anchor),
    ).toEqual(['section-1', 'b']);
  });

  it('prefers an explicit anchor (in either locale) over the derived one', () => {
    expect(buildLesson(source('## 가 {#ko-anchor}\n', '## Title\n')).sections[0]!.anchor).toBe(
      'ko-anchor',
    );
    expect(buildLesson(source('## 가\n', '## Title {#en-anchor}\n')).sections[0]!.anchor).toBe(
      'en-anchor',
    );
  });

  it('accepts matching explicit anchors in both locales', () => {
    const lesson = buildLesson(source('## 가 {#same}\n', '## A {#same}\n'));
    expect(lesson.sections[0]!.anchor).toBe('same');
  });

  it('refuses different explicit anchors in Korean and English', () => {
    const error = validationError(() => buildLesson(source('## 가 {#one}\n', '## A {#two}\n')));
    expect(error.issues).toEqual([
      {
        path: ['markdown', 'en'],
        message: 'section 1 has anchor "two" in English but "one" in Korean',
      },
    ]);
  });

  it.each([
    ['explicit anchors', '## 가 {#dup}\n\n## 나 {#dup}\n', undefined],
    ['derived anchors', '## 가\n\n## 나\n', '## Overview\n\n## Overview\n'],
  ])('refuses duplicate %s', (_case, ko, en) => {
    const error = validationError(() => buildLesson(source(ko, en)));
    expect(error.issues).toEqual([
      {
        path: ['markdown', 'ko'],
        message: expect.stringMatching(/section anchor ".+" is used twice/),
      },
    ]);
  });

  // Anchors are public ids relations cite: an invalid explicit anchor is refused, naming it.
  it.each([
    ['an explicit anchor that is not kebab-case', '## 가 {#Not_Kebab}\n\n본문\n', undefined],
    ['an explicit anchor over 80 characters', `## 가 {#${'a'.repeat(81)}}\n`, undefined],
  ])('refuses %s', (_case, ko, en) => {
    const error = validationError(() => buildLesson(source(ko, en)));
    expect(error.issues[0]!.path).toEqual(['markdown', 'ko']);
    expect(error.issues[0]!.message).toMatch(/anchor/);
  });

  it('cuts an anchor derived from a very long English heading at a word boundary', () => {
    const lesson = buildLesson(source('## 가\n', `## ${'Word '.repeat(20)}\n`));
    const anchor = lesson.sections[0]!.anchor;
    expect(anchor.length).toBeLessThanOrEqual(80);
    expect(anchor).toMatch(/^(word-)*word$/);
    expect(lessonSchema.safeParse(lesson).success).toBe(true);
  });

  it('only builds lessons that satisfy lessonSchema (anchors included)', () => {
    const lesson = buildLesson(source('## 가 {#good-anchor}\n\n본문\n', '## A\n\ntext\n'));
    expect(lessonSchema.safeParse(lesson).success).toBe(true);
  });
});

describe('buildLesson: Korean and English must line up', () => {
  it('refuses a different number of sections', () => {
    const error = validationError(() =>
      buildLesson(source('## 가\n\n## 나\n', '## A\n\n## B\n\n## C\n')),
    );
    expect(error.issues).toEqual([
      {
        path: ['markdown', 'en'],
        message: 'must have the same sections as the Korean source: 2 in Korean, 3 in English',
      },
    ]);
  });

  it('refuses a section whose level differs', () => {
    const error = validationError(() =>
      buildLesson(source('## 가 {#a}\n\n### 나 {#b}\n', '## A {#a}\n\n## B {#b}\n')),
    );
    expect(error.issues).toEqual([
      {
        path: ['markdown', 'en'],
        message: 'section 2 ("b") is level 3 in Korean but 2 in English',
      },
    ]);
  });

  it('reports every misaligned section at once', () => {
    const error = validationError(() =>
      buildLesson(source('## 가 {#a}\n\n### 나\n\n### 다\n', '### A {#z}\n\n## B\n\n### C\n')),
    );
    expect(error.issues.map((i) => i.message)).toEqual([
      'section 1 has anchor "z" in English but "a" in Korean',
      'section 1 ("a") is level 2 in Korean but 3 in English',
      'section 2 ("b") is level 3 in Korean but 2 in English',
    ]);
    expect(error.issues.every((i) => i.path.join('.') === 'markdown.en')).toBe(true);
  });
});

describe('buildLesson: paragraph spans', () => {
  it.each<[string, string, Span[]]>([
    ['plain text', 'just text', [plain('just text')]],
    ['strong', '**bold**', [{ text: 'bold', marks: ['strong'] }]],
    ['emphasis', '*soft*', [{ text: 'soft', marks: ['emphasis'] }]],
    ['code', '`x = 1`', [{ text: 'x = 1', marks: ['code'] }]],
    ['delete', '~~gone~~', [{ text: 'gone', marks: ['delete'] }]],
    ['mixed runs', 'a **b** c', [plain('a '), { text: 'b', marks: ['strong'] }, plain(' c')]],
    [
      'nested marks, sorted whatever the nesting order',
      '***both*** and _**both**_ and **~~all `code`~~**',
      [
        { text: 'both', marks: ['emphasis', 'strong'] },
        plain(' and '),
        { text: 'both', marks: ['emphasis', 'strong'] },
        plain(' and '),
        { text: 'all ', marks: ['delete', 'strong'] },
        { text: 'code', marks: ['code', 'delete', 'strong'] },
      ],
    ],
    [
      'adjacent runs of the same format merged',
      '**one** **two**',
      [{ text: 'one', marks: ['strong'] }, plain(' '), { text: 'two', marks: ['strong'] }],
    ],
    [
      'adjacent same-format runs across nodes merged',
      '**a**__b__',
      [{ text: 'ab', marks: ['strong'] }],
    ],
    ['a soft line break kept in the text', 'line one\nline two', [plain('line one\nline two')]],
    ['a hard line break as "\\n"', 'line one  \nline two', [plain('line one\nline two')]],
    ['trailing hard-break spaces trimmed', 'last line   ', [plain('last line')]],
    ['<br> as a line break', 'one<br>two<br/>three', [plain('one\ntwo\nthree')]],
  ])('%s', (_case, markdown, spans) => {
    expect(spansOf(markdown)).toEqual(spans);
  });

  it('links a concept with [text](concept:slug), keeping marks inside the link', () => {
    expect(spansOf('see [**LLM**s](concept:large-language-model) now')).toEqual([
      plain('see '),
      { text: 'LLM', marks: ['strong'], concept: 'large-language-model' },
      { text: 's', marks: [], concept: 'large-language-model' },
      plain(' now'),
    ]);
  });

  it('keeps two adjacent links to different concepts as separate spans', () => {
    expect(spansOf('[a](concept:one)[b](concept:two)')).toEqual([
      { text: 'a', marks: [], concept: 'one' },
      { text: 'b', marks: [], concept: 'two' },
    ]);
  });

  it.each(['https://example.com', 'http://example.com/a?b=c', 'HTTPS://EXAMPLE.COM/x'])(
    'keeps an external link %s as span.href',
    (url) => {
      expect(spansOf(`[x](${url})`)).toEqual([{ text: 'x', marks: [], href: url }]);
    },
  );

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', '../other.md'],
    ['a fragment', '#section'],
    ['a mailto: URL', 'mailto:someone@example.com'],
    ['a data: URL', 'data:text/html,hi'],
  ])('refuses a link to %s, naming the link', (_case, url) => {
    const error = validationError(() => buildLesson(source(`## 가\n\n[x](${url})\n`)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toEqual(['markdown', 'ko']);
    expect(error.issues[0]!.message).toContain(`link target "${url}"`);
    expect(error.issues[0]!.message).toMatch(/^line 3: /);
  });

  it.each([
    ['an inline <span>', 'a <span>b</span> c', /raw HTML "<span>" is not allowed/],
    ['a <div> block', '<div>block</div>', /raw HTML blocks are not allowed/],
    ['an HTML comment', '<!-- note -->', /raw HTML blocks are not allowed/],
    ['an inline <img>', 'a <img src="x.png"> b', /raw HTML "<img src="x.png">" is not allowed/],
  ])('refuses raw HTML other than <br>: %s', (_case, body, message) => {
    const error = validationError(() => buildLesson(source(`## 가\n\n${body}\n`)));
    expect(error.issues).toEqual([
      { path: ['markdown', 'ko'], message: expect.stringMatching(message) },
    ]);
  });

  it('refuses an image inside a heading (inline images only live in paragraphs)', () => {
    const error = validationError(() => buildLesson(source('## 가 ![i](https://x.test/i.png)\n')));
    expect(error.issues[0]!.message).toMatch(/inline image is not supported/);
  });
});

describe('buildLesson: blocks', () => {
  it('builds nested lists: each item has its line as spans and the sub-list in blocks', () => {
    expect(blocksOf('- one\n  - one.a\n  - one.b\n- **two**')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: null,
        items: [
          {
            spans: [plain('one')],
            blocks: [
              {
                type: 'list',
                ordered: false,
                start: null,
                items: [
                  { spans: [plain('one.a')], blocks: [] },
                  { spans: [plain('one.b')], blocks: [] },
                ],
              },
            ],
          },
          { spans: [{ text: 'two', marks: ['strong'] }], blocks: [] },
        ],
      },
    ]);
  });

  it.each([
    ['1. a\n2. b', 1],
    ['3. a\n4. b', 3],
    ['0. a', 0],
  ])('keeps the start of an ordered list %j → %i', (markdown, start) => {
    const [block] = blocksOf(markdown);
    expect(block).toMatchObject({ type: 'list', ordered: true, start });
  });

  it('builds a GFM table with alignment, header and rows; <br> in a cell is a "\\n" span', () => {
    const table = [
      '| Left | Center | Right | None |',
      '| :--- | :----: | ----: | ---- |',
      '| a<br>b | **c** | [d](concept:dee) | |',
      '| 1 | 2 | 3 | 4 |',
    ].join('\n');
    expect(blocksOf(table)).toEqual([
      {
        type: 'table',
        align: ['left', 'center', 'right', null],
        header: [
          { spans: [plain('Left')] },
          { spans: [plain('Center')] },
          { spans: [plain('Right')] },
          { spans: [plain('None')] },
        ],
        rows: [
          [
            { spans: [plain('a\nb')] },
            { spans: [{ text: 'c', marks: ['strong'] }] },
            { spans: [{ text: 'd', marks: [], concept: 'dee' }] },
            { spans: [] },
          ],
          [
            { spans: [plain('1')] },
            { spans: [plain('2')] },
            { spans: [plain('3')] },
            { spans: [plain('4')] },
          ],
        ],
      },
    ]);
  });

  it('splits a <br> cell into "\\n" text when it sits between formatted runs', () => {
    const [block] = blocksOf('| h |\n| - |\n| **a**<br>**b** |');
    expect(block?.type === 'table' && block.rows[0]![0]!.spans).toEqual([
      { text: 'a', marks: ['strong'] },
      plain('\n'),
      { text: 'b', marks: ['strong'] },
    ]);
  });

  it('turns a blockquote into a quote block holding its blocks', () => {
    expect(blocksOf('> quoted *text*\n>\n> - item')).toEqual([
      {
        type: 'quote',
        blocks: [
          { type: 'paragraph', spans: [plain('quoted '), { text: 'text', marks: ['emphasis'] }] },
          {
            type: 'list',
            ordered: false,
            start: null,
            items: [{ spans: [plain('item')], blocks: [] }],
          },
        ],
      },
    ]);
  });

  it.each([
    ['a relative path', false, '../resources/pic.png'],
    ['an absolute path', false, '/pic.png'],
    ['an http URL', false, 'http://example.com/pic.png'],
    ['an https URL', true, 'https://example.com/pic.png'],
  ])('turns an image at %s into an image block (available=%s)', (_case, available, src) => {
    expect(blocksOf(`![Alt text](${src} "Title")`)).toEqual([
      { type: 'image', src, alt: 'Alt text', title: 'Title', available },
    ]);
  });

  it('splits a paragraph around an image into paragraph, image, paragraph in order', () => {
    expect(blocksOf('before ![pic](https://x.test/p.png) after')).toEqual([
      { type: 'paragraph', spans: [plain('before')] },
      { type: 'image', src: 'https://x.test/p.png', alt: 'pic', title: null, available: true },
      { type: 'paragraph', spans: [plain('after')] },
    ]);
  });

  it('puts an image that starts a list item into the item blocks', () => {
    expect(blocksOf('- ![pic](p.png)')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: null,
        items: [
          {
            spans: [],
            blocks: [{ type: 'image', src: 'p.png', alt: 'pic', title: null, available: false }],
          },
        ],
      },
    ]);
  });

  it('keeps fenced code (with and without a language) and thematic breaks', () => {
    expect(blocksOf('```ts\nconst a = 1;\n```\n\n---\n\n```\nplain\n```')).toEqual([
      { type: 'code', language: 'ts', text: 'const a = 1;' },
      { type: 'thematicBreak' },
      { type: 'code', language: null, text: 'plain' },
    ]);
  });

  it('produces blocks that satisfy the block schema', () => {
    const lesson = buildLesson(
      source(
        '## 가\n\n- a\n  1. b\n\n> q\n\n| x |\n| - |\n| y<br>z |\n\n![i](https://x.test/i.png)\n',
      ),
    );
    expect(lessonSchema.safeParse(lesson).error).toBeUndefined();
  });
});

describe('buildLesson: section markdown and concepts', () => {
  const ko = [
    '# 제목',
    '',
    '## 첫째 {#first}',
    '',
    '[B](concept:bee)와 [A](concept:ay), 다시 [B](concept:bee).',
    '',
    '#### 소제목',
    '',
    '- [C](concept:cee)',
    '',
    '',
    '### 둘째 {#second}',
    '',
    '| 표 |',
    '| - |',
    '| [A](concept:ay) |',
    '',
    '## 셋째 {#third}',
    '',
    '개념 없음',
    '',
  ].join('\n');
  const en = [
    '## First',
    '',
    '[B](concept:bee), [A](concept:ay) and [D](concept:dee).',
    '',
    '### Second',
    '',
    '[E](concept:ee)',
    '',
    '## Third',
    '',
    'nothing',
  ].join('\n');

  it('gives each section the exact markdown slice of its own, heading included', () => {
    const lesson = buildLesson(source(ko, en));
    expect(lesson.sections.map((s) => s.body.ko.markdown)).toEqual([
      [
        '## 첫째 {#first}',
        '',
        '[B](concept:bee)와 [A](concept:ay), 다시 [B](concept:bee).',
        '',
        '#### 소제목',
        '',
        '- [C](concept:cee)',
      ].join('\n'),
      '### 둘째 {#second}\n\n| 표 |\n| - |\n| [A](concept:ay) |',
      '## 셋째 {#third}\n\n개념 없음',
    ]);
    expect(lesson.sections.map((s) => s.body.en?.markdown)).toEqual([
      '## First\n\n[B](concept:bee), [A](concept:ay) and [D](concept:dee).',
      '### Second\n\n[E](concept:ee)',
      '## Third\n\nnothing',
    ]);
    for (const section of lesson.sections) {
      expect(ko).toContain(section.body.ko.markdown);
      expect(en).toContain(section.body.en!.markdown);
    }
  });

  it('lists the linked concepts of each section in order of first mention, once each', () => {
    const lesson = buildLesson(source(ko, en));
    expect(lesson.sections.map((s) => s.concepts)).toEqual([
      ['bee', 'ay', 'cee', 'dee'],
      ['ay', 'ee'],
      [],
    ]);
  });

  it('lists the linked concepts of the whole lesson in order of first mention, once each', () => {
    expect(buildLesson(source(ko, en)).concepts).toEqual(['bee', 'ay', 'cee', 'dee', 'ee']);
    expect(buildLesson(source(ko)).concepts).toEqual(['bee', 'ay', 'cee']);
  });

  it('finds concept links nested in quotes and list sub-blocks', () => {
    const lesson = buildLesson(
      source('## 가\n\n> - 항목\n>   - [깊이](concept:deep)\n\n[겉](concept:outer)\n'),
    );
    expect(lesson.concepts).toEqual(['deep', 'outer']);
  });
});

describe('buildLesson: reading time and content hash', () => {
  const koWords = (n: number) => Array.from({ length: n }, () => '가나다라마').join(' ');
  const enWords = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
  const minutes = (koChars: number, enWordCount: number) =>
    buildLesson(source(`## 가\n\n${koWords(koChars / 5)}\n`, `## A\n\n${enWords(enWordCount)}\n`))
      .readingMinutes;

  it('is at least one minute in both locales, even for a one-word lesson', () => {
    expect(buildLesson(source('## 가\n\n나\n', '## A\n\nb\n')).readingMinutes).toEqual({
      ko: 1,
      en: 1,
    });
  });

  it('grows with the length of the text in each locale', () => {
    const short = minutes(500, 200);
    const long = minutes(5000, 2000);
    expect(long.ko).toBeGreaterThan(short.ko);
    expect(long.en!).toBeGreaterThan(short.en!);
    // Korean is read at 500 characters a minute, English at 220 words a minute.
    expect(long).toEqual({ ko: 11, en: 10 });
  });

  it('is a 64-hex-digit content hash, stable for the same source', () => {
    const a = buildLesson(source('## 가\n\n본문\n', '## A\n\ntext\n'));
    const b = buildLesson(source('## 가\n\n본문\n', '## A\n\ntext\n'));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.contentHash).toBe(a.contentHash);
    expect(hashLessonSource(source('## 가\n\n본문\n', '## A\n\ntext\n'))).toBe(a.contentHash);
  });

  it.each<[string, LessonSource]>([
    ['the Korean markdown changes', source('## 가\n\n본문!\n', '## A\n\ntext\n')],
    ['the English markdown changes', source('## 가\n\n본문\n', '## A\n\ntext!\n')],
    ['the English markdown is dropped', source('## 가\n\n본문\n')],
    ['only whitespace changes', source('## 가\n\n본문\n\n', '## A\n\ntext\n')],
    ['the title changes', source('## 가\n\n본문\n', '## A\n\ntext\n', { title: { ko: '다른' } })],
    ['the number changes', source('## 가\n\n본문\n', '## A\n\ntext\n', { number: 3 })],
    ['the status changes', source('## 가\n\n본문\n', '## A\n\ntext\n', { status: 'DRAFT' })],
  ])('changes the content hash when %s', (_case, changed) => {
    const original = buildLesson(source('## 가\n\n본문\n', '## A\n\ntext\n')).contentHash;
    expect(buildLesson(changed).contentHash).not.toBe(original);
  });
});

describe('visitBlocks, conceptsIn and plainText', () => {
  const blocks: Block[] = [
    { type: 'heading', level: 4, spans: [plain('Heading')] },
    {
      type: 'paragraph',
      spans: [plain('see '), { text: 'B', marks: ['strong'], concept: 'bee' }],
    },
    {
      type: 'list',
      ordered: false,
      start: null,
      items: [
        {
          spans: [{ text: 'A', marks: [], concept: 'ay' }],
          blocks: [
            {
              type: 'quote',
              blocks: [{ type: 'paragraph', spans: [{ text: 'C', marks: [], concept: 'cee' }] }],
            },
          ],
        },
      ],
    },
    {
      type: 'table',
      align: [null, null],
      header: [
        { spans: [plain('h1')] },
        { spans: [{ text: 'B again', marks: [], concept: 'bee' }] },
      ],
      rows: [[{ spans: [plain('r1')] }, { spans: [{ text: 'D', marks: [], concept: 'dee' }] }]],
    },
    { type: 'image', src: 'x.png', alt: 'picture', title: null, available: false },
    { type: 'code', language: 'ts', text: 'code()' },
    { type: 'thematicBreak' },
  ];

  it('conceptsIn lists linked concepts in reading order, once each', () => {
    expect(conceptsIn(blocks)).toEqual(['bee', 'ay', 'cee', 'dee']);
    expect(conceptsIn([])).toEqual([]);
  });

  it('plainText joins span runs, image alt text and code, one line each', () => {
    expect(plainText(blocks)).toBe(
      ['Heading', 'see B', 'A', 'C', 'h1', 'B again', 'r1', 'D', 'picture', 'code()'].join('\n'),
    );
  });

  it('visitBlocks walks depth-first and calls image/code only when given', () => {
    const visited: string[] = [];
    visitBlocks(blocks, {
      spans: (spans) => visited.push(`spans:${spans.map((s) => s.text).join('')}`),
      image: (image) => visited.push(`image:${image.src}`),
    });
    expect(visited).toEqual([
      'spans:Heading',
      'spans:see B',
      'spans:A',
      'spans:C',
      'spans:h1',
      'spans:B again',
      'spans:r1',
      'spans:D',
      'image:x.png',
    ]);
  });
});
