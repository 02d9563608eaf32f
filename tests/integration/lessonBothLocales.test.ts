// upsertLesson with `otherMarkdown` over real HTTP on the embedded store: a section added or
// removed in both languages in one save (served in both locales by GraphQL and REST, its English
// current, a published lesson kept published), a mismatched pair refused with each issue at the
// argument that carried it, a huge or hostile other text refused as a huge `markdown` is, and
// what did not change: a one-locale save that breaks the lineup, and a stale version.
import { as, outcome } from '../helpers/editing.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const UPSERT = `mutation($s: ID!, $md: String!, $o: String, $v: Int, $l: Locale) {
  upsertLesson(slug: $s, markdown: $md, otherMarkdown: $o, expectedVersion: $v, locale: $l) {
    version status title sections { anchor title }
  }
}`;
const READ = `query($s: ID!, $l: Locale) {
  lesson(slug: $s, locale: $l) {
    version status markdown sections { anchor title }
    translation { state fields(all: true) { path state } }
  }
}`;

const PUBLIC = 'query($s: ID!) { lesson(slug: $s, locale: EN) { sections { anchor title } } }';

const KOREAN = '# 수업\n\n## 처음 {#first}\n\n처음 본문.\n\n## 끝 {#last}\n\n끝 본문.\n';
const ENGLISH = '# Lesson\n\n## First {#first}\n\nFirst body.\n\n## Last {#last}\n\nLast body.\n';
const KOREAN_ADDED = KOREAN.replace('## 끝', '## 가운데 {#middle}\n\n가운데 본문.\n\n## 끝');
const ENGLISH_ADDED = ENGLISH.replace('## Last', '## Middle {#middle}\n\nMiddle body.\n\n## Last');

// A draft lesson in both languages (version 1), saved in one call.
async function bothLanguages(slug: string) {
  const created = await as('editor', served.url, UPSERT, { s: slug, md: KOREAN, o: ENGLISH });
  expect(created.errors).toBeUndefined();
  return created.data.upsertLesson as { version: number; title: string };
}

async function read(slug: string, locale: 'KO' | 'EN') {
  const answer = await as('editor', served.url, READ, { s: slug, l: locale });
  expect(answer.errors).toBeUndefined();
  return answer.data.lesson as {
    version: number;
    status: string;
    markdown: string;
    sections: { anchor: string; title: string }[];
    translation: { state: string; fields: { path: string; state: string }[] };
  };
}

const issuesOf = (answer: Awaited<ReturnType<typeof as>>) =>
  answer.errors?.[0]?.extensions?.issues as { path: (string | number)[]; message: string }[];

describe('upsertLesson with both locales', () => {
  it('creates a lesson in both languages at once, titled by each heading, its English current', async () => {
    const created = await bothLanguages('both');
    expect(created).toMatchObject({ version: 1, title: '수업' });
    expect((await read('both', 'EN')).sections.map((s) => s.title)).toEqual(['First', 'Last']);
    const ko = await read('both', 'KO');
    expect(ko.translation.state).toBe('CURRENT');
    expect(ko.translation.fields.map((f) => f.state)).toEqual([
      'CURRENT', // the title: `# Lesson` titled it in English
      'CURRENT',
      'CURRENT',
    ]);
  });

  it('adds a section in both languages in one save; both locales serve it, its English current', async () => {
    await bothLanguages('added');
    // Today's one-locale save cannot: the stored English no longer lines up.
    const alone = await as('editor', served.url, UPSERT, { s: 'added', md: KOREAN_ADDED, v: 1 });
    expect(outcome(alone)).toBe('BAD_USER_INPUT');
    expect(issuesOf(alone)).toEqual([
      {
        path: ['markdown', 'en'],
        message: 'must have the same sections as the Korean source: 3 in Korean, 2 in English',
      },
    ]);

    const saved = await as('editor', served.url, UPSERT, {
      s: 'added',
      md: KOREAN_ADDED,
      o: ENGLISH_ADDED,
      v: 1,
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.upsertLesson.version).toBe(2);
    expect(saved.data.upsertLesson.sections).toEqual([
      { anchor: 'first', title: '처음' },
      { anchor: 'middle', title: '가운데' },
      { anchor: 'last', title: '끝' },
    ]);
    const ko = await read('added', 'KO');
    const en = await read('added', 'EN');
    expect(ko.markdown).toBe(KOREAN_ADDED);
    expect(en.markdown).toBe(ENGLISH_ADDED);
    expect(en.sections).toEqual([
      { anchor: 'first', title: 'First' },
      { anchor: 'middle', title: 'Middle' },
      { anchor: 'last', title: 'Last' },
    ]);
    // The new section's English was written with its Korean: current, like the rest.
    expect(ko.translation.fields).toContainEqual({ path: 'sections.middle', state: 'CURRENT' });
    expect(ko.translation.state).toBe('CURRENT');
  });

  it('removes a section in both languages in one save, the English leading (locale: EN)', async () => {
    await bothLanguages('removed');
    const ko = KOREAN.replace(/## 끝[^]*$/, '');
    const en = ENGLISH.replace(/## Last[^]*$/, '');
    const saved = await as('editor', served.url, UPSERT, {
      s: 'removed',
      md: en,
      o: ko,
      l: 'EN',
      v: 1,
    });
    expect(saved.errors).toBeUndefined();
    expect((await read('removed', 'KO')).sections).toEqual([{ anchor: 'first', title: '처음' }]);
    expect((await read('removed', 'EN')).sections).toEqual([{ anchor: 'first', title: 'First' }]);
    expect((await read('removed', 'KO')).translation.fields.map((f) => f.path)).toEqual([
      'title',
      'sections.first',
    ]);
  });

  it('keeps a published lesson published when a section is added in both languages, and readers see it', async () => {
    const slug = 'introduction-to-llms';
    const before = { ko: await read(slug, 'KO'), en: await read(slug, 'EN') };
    expect(before.ko.status).toBe('PUBLISHED');
    const ko = `${before.ko.markdown.trimEnd()}\n\n## 맺음말 {#closing}\n\n정리한다.\n`;
    const en = `${before.en.markdown.trimEnd()}\n\n## Closing {#closing}\n\nA summary.\n`;
    const saved = await as('admin', served.url, UPSERT, {
      s: slug,
      md: ko,
      o: en,
      v: before.ko.version,
    });
    // No allowUntranslated needed: no English is outdated or missing after this save.
    expect(saved.errors).toBeUndefined();
    expect(saved.data.upsertLesson.status).toBe('PUBLISHED');
    const anonymous = await as('anonymous', served.url, PUBLIC, { s: slug });
    expect(anonymous.data.lesson.sections.at(-1)).toEqual({ anchor: 'closing', title: 'Closing' });
    const rest = await request(`${served.url}/v1/lessons/${slug}?locale=ko`);
    expect(rest.status).toBe(200);
    expect((rest.json as { sections: { anchor: string }[] }).sections.at(-1)?.anchor).toBe(
      'closing',
    );
    expect((await read(slug, 'KO')).translation.state).toBe('CURRENT');
  });

  it('marks an existing section OUTDATED when only its Korean changed in a two-locale save', async () => {
    await bothLanguages('outdated');
    const saved = await as('editor', served.url, UPSERT, {
      s: 'outdated',
      md: KOREAN_ADDED.replace('처음 본문.', '처음 본문을 고쳤다.'),
      o: ENGLISH_ADDED,
      v: 1,
    });
    expect(saved.errors).toBeUndefined();
    const fields = (await read('outdated', 'KO')).translation.fields;
    expect(fields).toContainEqual({ path: 'sections.first', state: 'OUTDATED' });
    expect(fields).toContainEqual({ path: 'sections.middle', state: 'CURRENT' });
  });

  it('refuses a pair that does not line up, naming the argument each issue is about', async () => {
    await bothLanguages('mismatched');
    // The English misses the new section: the issue is at the argument that carried it.
    const missing = await as('editor', served.url, UPSERT, {
      s: 'mismatched',
      md: KOREAN_ADDED,
      o: ENGLISH,
      v: 1,
    });
    expect(outcome(missing)).toBe('BAD_USER_INPUT');
    expect(issuesOf(missing)).toEqual([
      {
        path: ['otherMarkdown', 'en'],
        message: 'must have the same sections as the Korean source: 3 in Korean, 2 in English',
      },
    ]);
    // Locale EN: the English is `markdown`, the Korean `otherMarkdown`.
    const anchors = await as('editor', served.url, UPSERT, {
      s: 'mismatched',
      md: ENGLISH_ADDED.replace('{#middle}', '{#center}'),
      o: KOREAN_ADDED,
      l: 'EN',
      v: 1,
    });
    expect(issuesOf(anchors)).toEqual([
      {
        path: ['markdown', 'en'],
        message: 'section 2 has anchor "center" in English but "middle" in Korean',
      },
    ]);
    const twice = await as('editor', served.url, UPSERT, {
      s: 'mismatched',
      md: ENGLISH_ADDED,
      o: KOREAN_ADDED.replace('{#middle}', '{#first}'),
      l: 'EN',
      v: 1,
    });
    expect(issuesOf(twice)).toEqual([
      expect.objectContaining({ path: ['markdown', 'en'] }),
      { path: ['otherMarkdown', 'ko'], message: 'section anchor "first" is used twice' },
    ]);
    // A link to no concept, in the English only: at `otherMarkdown`; in the Korean: at `markdown`.
    const ghost = (text: string) => text.replace('Middle body.', '[x](concept:ghost)');
    const english = await as('editor', served.url, UPSERT, {
      s: 'mismatched',
      md: KOREAN_ADDED,
      o: ghost(ENGLISH_ADDED),
      v: 1,
    });
    expect(issuesOf(english)).toEqual([
      {
        path: ['otherMarkdown', 'sections', 1, 'link concept:ghost'],
        message: 'unknown concept "ghost"',
      },
    ]);
    const korean = await as('editor', served.url, UPSERT, {
      s: 'mismatched',
      md: KOREAN_ADDED.replace('가운데 본문.', '[x](concept:ghost)'),
      o: ENGLISH_ADDED,
      v: 1,
    });
    expect(issuesOf(korean)).toEqual([
      {
        path: ['markdown', 'sections', 1, 'link concept:ghost'],
        message: 'unknown concept "ghost"',
      },
    ]);
    // Nothing was written by any of them.
    expect((await read('mismatched', 'KO')).version).toBe(1);
  });

  it('refuses a huge or hostile other text as it refuses such a `markdown`, at `otherMarkdown`', async () => {
    await bothLanguages('hostile');
    for (const [text, message] of [
      [ENGLISH + 'a'.repeat(200_000), /<=50000 characters/],
      [`${ENGLISH}${'['.repeat(10_000)}a${']'.repeat(10_000)}`, /brackets nest over 32 deep/],
      [ENGLISH.replace('First body.', 'First\u202Ebody.'), /bidirectional controls/],
    ] as const) {
      const answer = await as('editor', served.url, UPSERT, {
        s: 'hostile',
        md: KOREAN,
        o: text,
        v: 1,
      });
      expect(outcome(answer)).toBe('BAD_USER_INPUT');
      expect(issuesOf(answer)).toEqual([
        { path: ['otherMarkdown', 'en'], message: expect.stringMatching(message) },
      ]);
    }
    expect((await read('hostile', 'KO')).version).toBe(1);
  });

  it('is a CONFLICT on a stale version, and writes nothing', async () => {
    await bothLanguages('stale');
    const first = await as('editor', served.url, UPSERT, {
      s: 'stale',
      md: KOREAN_ADDED,
      o: ENGLISH_ADDED,
      v: 1,
    });
    expect(first.data.upsertLesson.version).toBe(2);
    const stale = await as('editor', served.url, UPSERT, {
      s: 'stale',
      md: KOREAN,
      o: ENGLISH,
      v: 1,
    });
    expect(outcome(stale)).toBe('CONFLICT');
    expect((await read('stale', 'EN')).markdown).toBe(ENGLISH_ADDED);
  });
});
