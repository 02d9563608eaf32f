// Text that enters the content is Unicode a reader can see: control characters, lone surrogates
// (which Firestore cannot store), bidirectional overrides and invisible-only strings are refused
// with the field's path and the rule; what is accepted is stored in one normal form (NFC).
import { as, draftInput, outcome } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterAll(() => served.close());

const CREATE =
  'mutation($i: ConceptInput!) { createConcept(input: $i) { slug term aliases summary } }';
let drafts = 0;
const create = (override: Record<string, unknown>) =>
  as('editor', served.url, CREATE, { i: { ...draftInput(`text-${++drafts}`), ...override } });

describe('authored text', () => {
  it.each([
    [
      'a NUL character',
      { term: { ko: '용어\u0000' } },
      ['input', 'term', 'ko'],
      'must not contain control characters: U+0000 at character 3',
    ],
    [
      'an escape character in an alias',
      { aliases: ['OK', 'A\u001bB'] },
      ['input', 'aliases', 1],
      'must not contain control characters: U+001B at character 2',
    ],
    [
      'a lone surrogate',
      { summary: { ko: '요약 \ud800' } },
      ['input', 'summary', 'ko'],
      'must be valid Unicode: it holds a lone surrogate',
    ],
    [
      'a right-to-left override',
      { definition: { ko: '정의 \u202Etxt.exe' } },
      ['input', 'definition', 'ko'],
      'must not contain bidirectional controls: U+202E at character 4',
    ],
    [
      'zero-width characters only',
      { summary: { ko: '요약', en: '\u200b\u200c\u2060' } },
      ['input', 'summary', 'en'],
      'must contain visible characters, not only spaces or zero-width ones',
    ],
    [
      'a Hangul filler only',
      { term: { ko: '\u3164' } },
      ['input', 'term', 'ko'],
      'must contain visible characters, not only spaces or zero-width ones',
    ],
  ])('refuses %s, naming the field and the rule', async (_name, override, path, message) => {
    const answer = await create(override);
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.issues).toEqual([{ path, message }]);
  });

  it('stores text in NFC: Hangul typed as separate jamo is stored composed', async () => {
    // 대 (U+B300) typed as its jamo ᄃ U+1103 + ᅢ U+1162, the decomposed form some IMEs send.
    const answer = await create({ term: { ko: '\u1103\u1162 모델', en: 'Dae model' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.createConcept.term).toBe('대 모델');
    expect(answer.data.createConcept.term).toHaveLength(4);
  });

  it('keeps tabs, line breaks, emoji and zero-width joiners inside visible text', async () => {
    const summary = { ko: '첫 줄\n둘째 줄\t👩‍💻', en: 'First line\nsecond' };
    const answer = await create({ summary });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.createConcept.summary).toBe(summary.ko);
  });

  it('holds lesson markdown to the same rules', async () => {
    const answer = await as(
      'editor',
      served.url,
      'mutation($md: String!) { upsertLesson(slug: "text-lesson", markdown: $md) { slug } }',
      { md: '## 제목 {#title}\n\n본문\u0000\n' },
    );
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.issues).toEqual([
      {
        path: ['markdown', 'ko'],
        message: 'must not contain control characters: U+0000 at character 19',
      },
    ]);
  });
});
