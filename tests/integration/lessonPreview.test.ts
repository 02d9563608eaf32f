// previewLesson over real HTTP on the embedded store: the blocks a save of the same markdown
// stores, nothing written (the revision stays), the save's refusals as issues beside the blocks
// (an unknown concept link, sections that no longer line up with the English), who may ask, and
// markdown over the lesson size limit refused as upsertLesson refuses it.
import { MAX_LESSON_MARKDOWN } from '../../src/domain/lesson.js';
import { as, outcome, revisionOf } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterAll(() => served?.close());

// Every block field, two levels of nesting (a list item's sub-list, a quote's paragraph).
const SPANS = 'spans { text marks href concept { slug } }';
const BLOCK = `type ${SPANS} level ordered start language text image { path alt }
  table { align header { ${SPANS} } rows { cells { ${SPANS} } } }`;
const BLOCKS = `blocks { ${BLOCK} items { ${SPANS} blocks { ${BLOCK} } } blocks { ${BLOCK} } }`;
const SECTIONS = `sections { anchor level title markdown concepts { slug } ${BLOCKS} }`;

const PREVIEW = `query($md: String!, $l: Locale!, $s: ID) {
  previewLesson(markdown: $md, locale: $l, slug: $s) {
    locale title ${SECTIONS} concepts { slug } issues { path message }
  }
}`;
const UPSERT = `mutation($s: ID!, $md: String!, $v: Int, $l: Locale) {
  upsertLesson(slug: $s, markdown: $md, expectedVersion: $v, locale: $l) { version }
}`;
const SAVED = `query($s: ID!, $l: Locale) { lesson(slug: $s, locale: $l) { ${SECTIONS} } }`;

const KOREAN = `# 프롬프트 입문

## 기초 {#basics}

[인코더](concept:encoder)와 **디코더**를 배운다. \`코드\`도 있다.

1. 첫째
   - 하위 항목
2. 둘째

> 인용문 안의 [디코더](concept:decoder).

| 개념 | 설명 |
| :--- | ---: |
| 인코더 | 입력을 읽는다 |

\`\`\`python
print("안녕")
\`\`\`

---

## 심화 {#advanced}

#### 작은 제목

[링크](https://example.com) ~~지움~~ *강조*
`;

describe('previewLesson', () => {
  it('gives the blocks a save of the same markdown stores, and writes nothing', async () => {
    const before = await revisionOf(served.url);
    const preview = await as('editor', served.url, PREVIEW, { md: KOREAN, l: 'KO' });
    expect(preview.errors).toBeUndefined();
    expect(preview.data.previewLesson.issues).toEqual([]);
    expect(preview.data.previewLesson.title).toBe('프롬프트 입문');
    expect(preview.data.previewLesson.concepts).toEqual([{ slug: 'encoder' }, { slug: 'decoder' }]);
    expect(await revisionOf(served.url)).toBe(before);
    expect((await as('admin', served.url, SAVED, { s: 'prompting-101' })).data.lesson).toBeNull();

    const saved = await as('editor', served.url, UPSERT, { s: 'prompting-101', md: KOREAN });
    expect(saved.errors).toBeUndefined();
    const stored = await as('editor', served.url, SAVED, { s: 'prompting-101', l: 'KO' });
    expect(preview.data.previewLesson.sections).toEqual(stored.data.lesson.sections);
    const types = JSON.stringify(stored.data.lesson.sections).match(/"type":"[A-Z_]+"/g);
    expect(new Set(types)).toEqual(
      new Set(
        ['PARAGRAPH', 'LIST', 'QUOTE', 'TABLE', 'CODE', 'THEMATIC_BREAK', 'HEADING'].map(
          (type) => `"type":"${type}"`,
        ),
      ),
    );

    // Previewing an edit of the saved lesson: its blocks, its version unchanged.
    const edited = KOREAN.replace('배운다', '자세히 배운다');
    const again = await as('editor', served.url, PREVIEW, {
      md: edited,
      l: 'KO',
      s: 'prompting-101',
    });
    expect(JSON.stringify(again.data.previewLesson.sections)).toContain('자세히 배운다');
    const after = await as(
      'editor',
      served.url,
      'query { lesson(slug: "prompting-101") { version markdown } }',
    );
    expect(after.data.lesson).toEqual({ version: 1, markdown: KOREAN });
  });

  it('reports what a save would refuse as issues, beside the blocks it can still show', async () => {
    const ghost = await as('editor', served.url, PREVIEW, {
      md: '# 제목\n\n## 가 {#basics}\n\n[유령](concept:ghost)과 [인코더](concept:encoder)\n',
      l: 'KO',
    });
    expect(ghost.data.previewLesson.issues).toEqual([
      {
        path: ['sections', '0', 'link concept:ghost'],
        message: 'unknown concept "ghost"',
      },
    ]);
    const spans = ghost.data.previewLesson.sections[0].blocks[0].spans;
    expect(spans.map((span: { concept: unknown }) => span.concept)).toEqual([
      null,
      null,
      { slug: 'encoder' },
    ]);

    // The seed's lesson has English: a Korean with one section no longer lines up with it.
    const misaligned = await as('editor', served.url, PREVIEW, {
      md: '## 하나뿐 {#only}\n\n본문.\n',
      l: 'KO',
      s: 'introduction-to-llms',
    });
    expect(misaligned.data.previewLesson.issues[0].path).toEqual(['markdown', 'en']);
    expect(misaligned.data.previewLesson.sections).toEqual([
      expect.objectContaining({ anchor: 'only', title: '하나뿐' }),
    ]);

    // Raw HTML is refused by a save; the preview says where.
    const html = await as('editor', served.url, PREVIEW, {
      md: '## A\n\n<b>x</b>\n',
      l: 'EN',
      s: 'introduction-to-llms',
    });
    expect(html.data.previewLesson.issues[0].path.slice(0, 2)).toEqual(['markdown', 'en']);
  });

  it('is for editors and admins, bounded like a save, and never cached', async () => {
    const anonymous = await as('anonymous', served.url, PREVIEW, { md: '## 가\n', l: 'KO' });
    expect(outcome(anonymous)).toBe('UNAUTHENTICATED');
    const admin = await as('admin', served.url, PREVIEW, { md: '## 가\n', l: 'KO' });
    expect(admin.data.previewLesson.sections).toHaveLength(1);

    const long = `## 가\n\n${'가'.repeat(MAX_LESSON_MARKDOWN)}\n`;
    const oversize = await as('editor', served.url, PREVIEW, { md: long, l: 'KO' });
    expect(outcome(oversize)).toBe('BAD_USER_INPUT');
    expect(oversize.errors![0]!.extensions!.issues[0].path).toEqual(['markdown']);
    const save = await as('editor', served.url, UPSERT, { s: 'too-long', md: long });
    expect(outcome(save)).toBe('BAD_USER_INPUT');

    const response = await fetch(
      `${served.url}/graphql?query=${encodeURIComponent('{ previewLesson(markdown: "## 가", locale: KO) { title } }')}`,
      { headers: { ...AS.editor, 'apollo-require-preflight': 'true' } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store|private|max-age=0/);
  });
});
