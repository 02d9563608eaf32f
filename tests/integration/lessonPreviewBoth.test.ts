// previewLesson with `otherMarkdown` over real HTTP on the embedded store: both texts parsed and
// lined up as upsertLesson with `otherMarkdown` would (a section added to both previews without
// a lineup issue, and the save then stores what the preview showed), a mismatched pair reported
// at the path the save's refusal names, nothing written, and a huge or hostile other text
// refused as a huge or hostile `markdown` is.
import { as, outcome, revisionOf } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterAll(() => served?.close());

const PREVIEW = `query($md: String!, $l: Locale!, $s: ID, $o: String) {
  previewLesson(markdown: $md, locale: $l, slug: $s, otherMarkdown: $o) {
    locale sections { anchor title } issues { path message }
  }
}`;
const UPSERT = `mutation($s: ID!, $md: String!, $o: String, $v: Int, $l: Locale) {
  upsertLesson(slug: $s, markdown: $md, otherMarkdown: $o, expectedVersion: $v, locale: $l) {
    version
  }
}`;
const READ =
  'query($s: ID!, $l: Locale) { lesson(slug: $s, locale: $l) { version sections { anchor title } } }';

const KOREAN = '# 수업\n\n## 처음 {#first}\n\n처음 본문.\n\n## 끝 {#last}\n\n끝 본문.\n';
const ENGLISH = '# Lesson\n\n## First {#first}\n\nFirst body.\n\n## Last {#last}\n\nLast body.\n';
const KOREAN_ADDED = KOREAN.replace('## 끝', '## 가운데 {#middle}\n\n가운데 본문.\n\n## 끝');
const ENGLISH_ADDED = ENGLISH.replace('## Last', '## Middle {#middle}\n\nMiddle body.\n\n## Last');

type Vars = { s: string; md: string; o?: string; l?: 'KO' | 'EN' };

// A draft lesson in both languages (version 1).
async function bothLanguages(slug: string) {
  const created = await as('editor', served.url, UPSERT, { s: slug, md: KOREAN, o: ENGLISH });
  expect(created.errors).toBeUndefined();
}

async function preview(vars: Vars) {
  const answer = await as('editor', served.url, PREVIEW, { l: 'KO', ...vars });
  expect(answer.errors).toBeUndefined();
  return answer.data.previewLesson as {
    locale: string;
    sections: { anchor: string; title: string }[];
    issues: { path: string[]; message: string }[];
  };
}

// The issues a save of the same texts answers, their paths as the preview gives them (strings).
async function refusalOf(vars: Vars) {
  const answer = await as('editor', served.url, UPSERT, { l: 'KO', v: 1, ...vars });
  expect(outcome(answer)).toBe('BAD_USER_INPUT');
  const issues = answer.errors![0]!.extensions!.issues as { path: unknown[]; message: string }[];
  return issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}

describe('previewLesson with otherMarkdown', () => {
  it('previews a section added to both texts without a lineup issue, as the save then stores it, writing nothing', async () => {
    await bothLanguages('added');
    const before = await revisionOf(served.url);
    // The Korean alone, against the English as stored: the lineup issue a one-locale save has.
    const alone = await preview({ s: 'added', md: KOREAN_ADDED });
    expect(alone.issues).toEqual([
      {
        path: ['markdown', 'en'],
        message: 'must have the same sections as the Korean source: 3 in Korean, 2 in English',
      },
    ]);

    const both = await preview({ s: 'added', md: KOREAN_ADDED, o: ENGLISH_ADDED });
    expect(both.issues).toEqual([]);
    expect(both.sections).toEqual([
      { anchor: 'first', title: '처음' },
      { anchor: 'middle', title: '가운데' },
      { anchor: 'last', title: '끝' },
    ]);
    // Previewed from the English column: the English sections, the Korean as `otherMarkdown`.
    const english = await preview({ s: 'added', md: ENGLISH_ADDED, o: KOREAN_ADDED, l: 'EN' });
    expect(english).toEqual({
      locale: 'EN',
      sections: [
        { anchor: 'first', title: 'First' },
        { anchor: 'middle', title: 'Middle' },
        { anchor: 'last', title: 'Last' },
      ],
      issues: [],
    });
    // Nothing saved: the revision and the lesson are as they were.
    expect(await revisionOf(served.url)).toBe(before);
    expect((await as('editor', served.url, READ, { s: 'added', l: 'EN' })).data.lesson).toEqual({
      version: 1,
      sections: [
        { anchor: 'first', title: 'First' },
        { anchor: 'last', title: 'Last' },
      ],
    });

    // The save of the same texts stores the sections the preview showed.
    const saved = await as('editor', served.url, UPSERT, {
      s: 'added',
      md: KOREAN_ADDED,
      o: ENGLISH_ADDED,
      v: 1,
    });
    expect(saved.errors).toBeUndefined();
    const stored = await as('editor', served.url, READ, { s: 'added', l: 'KO' });
    expect(stored.data.lesson.sections).toEqual(both.sections);
  });

  it('reports a mismatched pair at the path the save would refuse it at', async () => {
    await bothLanguages('mismatched');
    const ghost = (text: string) => text.replace('Middle body.', '[x](concept:ghost)');
    const cases: { vars: Vars; path: string[] }[] = [
      // The English misses the new section: at the argument that carried it.
      { vars: { s: 'mismatched', md: KOREAN_ADDED, o: ENGLISH }, path: ['otherMarkdown', 'en'] },
      // Locale EN: the English is `markdown`, the Korean `otherMarkdown`.
      {
        vars: { s: 'mismatched', md: ENGLISH, o: KOREAN_ADDED, l: 'EN' },
        path: ['markdown', 'en'],
      },
      {
        vars: {
          s: 'mismatched',
          md: ENGLISH_ADDED.replace('{#middle}', '{#center}'),
          o: KOREAN_ADDED,
          l: 'EN',
        },
        path: ['markdown', 'en'],
      },
      // A link to no concept in the other text only: at `otherMarkdown`'s section.
      {
        vars: { s: 'mismatched', md: KOREAN_ADDED, o: ghost(ENGLISH_ADDED) },
        path: ['otherMarkdown', 'sections', '1', 'link concept:ghost'],
      },
    ];
    for (const { vars, path } of cases) {
      const shown = await preview(vars);
      expect(shown.issues.map((issue) => issue.path)).toEqual([path]);
      expect(shown.issues).toEqual(await refusalOf(vars));
    }
    // Nothing was written by any preview (each save was refused).
    const lesson = await as('editor', served.url, READ, { s: 'mismatched' });
    expect(lesson.data.lesson.version).toBe(1);
  });

  it('refuses a huge or hostile otherMarkdown as it refuses such a markdown', async () => {
    await bothLanguages('hostile');
    const before = await revisionOf(served.url);
    const huge = await as('editor', served.url, PREVIEW, {
      md: KOREAN,
      l: 'KO',
      s: 'hostile',
      o: ENGLISH + 'a'.repeat(200_000),
    });
    expect(outcome(huge)).toBe('BAD_USER_INPUT');
    expect(huge.errors![0]!.extensions!.issues[0].path).toEqual(['otherMarkdown']);

    // Bounds broken: an issue at `otherMarkdown.en` (the text never parsed), the Korean shown.
    for (const [text, message] of [
      [`${ENGLISH}${'['.repeat(10_000)}a${']'.repeat(10_000)}`, /brackets nest over 32 deep/],
      [ENGLISH.replace('First body.', 'First\u202Ebody.'), /bidirectional controls/],
    ] as const) {
      const shown = await preview({ s: 'hostile', md: KOREAN, o: text });
      expect(shown.issues).toEqual([
        { path: ['otherMarkdown', 'en'], message: expect.stringMatching(message) },
      ]);
      expect(shown.sections.map((section) => section.anchor)).toEqual(['first', 'last']);
      // The same text as `markdown` (locale EN) is reported at `markdown.en`.
      const asMarkdown = await preview({ s: 'hostile', md: text, o: KOREAN, l: 'EN' });
      expect(asMarkdown.issues).toEqual([
        { path: ['markdown', 'en'], message: expect.stringMatching(message) },
      ]);
    }
    expect(await revisionOf(served.url)).toBe(before);
  });
});
