// An editor's lesson markdown can neither stall the instance nor crash the parser: it is held to
// bounds before parsing (BAD_USER_INPUT naming the rule and the line), and parsed on a worker
// thread while readers keep being served.
import { as, outcome } from '../helpers/editing.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS, NODE_ENV: 'production' });
});
afterAll(() => served.close());

// Every document goes to a lesson of its own: one accepted by mistake must not decide the next.
const UPSERT =
  'mutation($slug: ID!, $md: String!) { upsertLesson(slug: $slug, markdown: $md) { slug version } }';
let lessons = 0;
const upsert = (markdown: string) =>
  as('editor', served.url, UPSERT, { slug: `stress-${++lessons}`, md: markdown });
const HEAD = '# 시험\n\n## 제목 {#title}\n\n';

describe('hostile lesson markdown', () => {
  it.each([
    ['a long run of >', `${HEAD}${'>'.repeat(5000)} a\n`, /line 5: block quotes nest 5000 deep/],
    [
      'deeply nested brackets',
      `${HEAD}${'['.repeat(10_000)}a${']'.repeat(10_000)}`,
      /line 5: brackets nest over 32 deep/,
    ],
    [
      'a table of 3,000 columns',
      `${HEAD}|${'a|'.repeat(3000)}\n|${'-|'.repeat(3000)}\n`,
      /line 6: a table has 3000 columns/,
    ],
    [
      'a list 40 levels deep',
      HEAD + Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n'),
      /line 26: is indented 42 columns/,
    ],
    [
      'emphasis markers on every line of one paragraph',
      HEAD + `${'*a_ '.repeat(25)}\n`.repeat(400),
      /a paragraph has over 200 emphasis markers/,
    ],
    ['200,000 characters', HEAD + '가'.repeat(200_000), /<=50000 characters/],
  ])('refuses %s with BAD_USER_INPUT naming the rule', async (_name, markdown, message) => {
    const answer = await upsert(markdown);
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.issues).toEqual([
      { path: ['markdown', 'ko'], message: expect.stringMatching(message) },
    ]);
    expect((await request(`${served.url}/healthz`)).status).toBe(200);
  });

  it('keeps answering readers while a large lesson is parsed', async () => {
    // Within every bound, and the slowest kind of document to parse we found (a few hundred
    // milliseconds here): parsed on the request thread, it would hold every reader meanwhile.
    const large =
      HEAD +
      Array.from({ length: 490 }, (_, i) => `${' '.repeat((i % 20) * 2)}- 항목 ${i}`).join('\n');
    let settled = false;
    const edit = upsert(large).finally(() => {
      settled = true;
    });
    let answeredMeanwhile = 0;
    while (!settled) {
      const health = await request(`${served.url}/healthz`);
      expect(health.status).toBe(200);
      if (!settled) answeredMeanwhile++;
    }
    expect((await edit).data).toEqual({ upsertLesson: { slug: `stress-${lessons}`, version: 1 } });
    expect(answeredMeanwhile).toBeGreaterThan(5);
  });
});
