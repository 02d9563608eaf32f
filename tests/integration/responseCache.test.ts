// The response cache: an anonymous public answer is kept per negotiated locale and the content
// revision of the locales it reads, and served again without running GraphQL or a REST
// handler; it is byte-identical to the live answer (in every encoding), never crosses
// audiences, locales, revisions or origins, never keeps errors, outlives edits its readers
// cannot see (a Korean-only edit, for English answers), and stays within its byte budget.
// Hits and misses are read from the request log, which says which one answered.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLogger, useLogger, type Logger } from '../../src/observability/logger.js';
import { editSummary } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { editKoreanDefinition } from '../helpers/koreanEdits.js';
import { sendRaw, type RawAnswer } from '../helpers/rawHttp.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';
import { waitForLines } from '../helpers/waitForLines.js';

let served: Awaited<ReturnType<typeof serveApi>>;
let lines: string[] = [];
let previous: Logger;

beforeAll(async () => {
  previous = useLogger(createLogger('info', { write: (line: string) => void lines.push(line) }));
  served = await serveApi({
    API_TOKENS: TEST_API_TOKENS,
    CORS_ORIGINS: 'https://a.example,https://b.example',
  });
  // The first request of an instance loads the content; the cache takes part from then on.
  await send('GET', '/v1/lessons');
});
afterAll(async () => {
  await served.close();
  useLogger(previous);
});

interface Raw extends RawAnswer {
  /** What the response cache did, from the request's log line. */
  cache: string | undefined;
}

/** Sends a request with node:http (no automatic decompression) and reads its log line. */
async function send(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
  baseUrl = served.url,
): Promise<Raw> {
  lines = [];
  const answer = await sendRaw(
    new URL(path, baseUrl).href,
    method,
    body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body === undefined ? undefined : JSON.stringify(body),
  );
  await waitForLines(() => lines);
  const entry = JSON.parse(lines[0] ?? '{}') as { responseCache?: string };
  return { ...answer, cache: entry.responseCache };
}

const TWO_DEEP = {
  query: `query TwoDeep($slug: ID!) { concept(slug: $slug) { slug term
    relations { kind concept { slug relations { kind concept { slug } } } } } }`,
  variables: { slug: 'large-language-model' },
};

describe('response cache', () => {
  it('serves the second identical anonymous POST from the cache, byte for byte', async () => {
    const first = await send('POST', '/graphql', {}, TWO_DEEP);
    const second = await send('POST', '/graphql', {}, TWO_DEEP);
    expect([first.status, first.cache, second.status, second.cache]).toEqual([
      200,
      'miss',
      200,
      'hit',
    ]);
    expect(second.body.equals(first.body)).toBe(true);
    for (const name of ['content-type', 'cache-control', 'etag', 'vary']) {
      expect([name, second.headers[name]]).toEqual([name, first.headers[name]]);
    }
    expect(JSON.parse(second.body.toString()).data.concept.relations.length).toBeGreaterThan(5);
  });

  it('serves hits compressed as negotiated, decompressing to the live bytes', async () => {
    const path = '/v1/lessons/introduction-to-llms/bundle';
    const live = await send('GET', path);
    const brotli = await send('GET', path, { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await send('GET', path, { 'accept-encoding': 'gzip' });
    expect([live.cache, brotli.cache, gzip.cache]).toEqual(['miss', 'hit', 'hit']);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(live.body)).toBe(true);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(live.body)).toBe(true);
    expect(String(gzip.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
  });

  it('answers a matching If-None-Match on a hit with 304', async () => {
    const path = '/v1/concepts/gemini';
    const live = await send('GET', path);
    const revalidated = await send('GET', path, { 'if-none-match': String(live.headers.etag) });
    expect([revalidated.status, revalidated.cache, revalidated.body.length]).toEqual([
      304,
      'hit',
      0,
    ]);
  });

  it('keeps locales apart: Accept-Language picks its own entry', async () => {
    const query = { query: '{ concept(slug: "fine-tuning") { summary } }' };
    const korean = await send('POST', '/graphql', { 'accept-language': 'ko' }, query);
    const english = await send('POST', '/graphql', { 'accept-language': 'en' }, query);
    const englishAgain = await send('POST', '/graphql', { 'accept-language': 'en-US' }, query);
    expect([korean.cache, english.cache, englishAgain.cache]).toEqual(['miss', 'miss', 'hit']);
    expect(english.body.toString()).not.toEqual(korean.body.toString());
    expect(englishAgain.body.equals(english.body)).toBe(true);
  });

  it('keeps media types apart: Accept decides which answer a request gets', async () => {
    const query = { query: '{ concept(slug: "transformer") { slug } }' };
    const modern = { accept: 'application/graphql-response+json' };
    const first = await send('POST', '/graphql', modern, query);
    const plain = await send('POST', '/graphql', { accept: 'application/json' }, query);
    const again = await send('POST', '/graphql', modern, query);
    expect([first.cache, plain.cache, again.cache]).toEqual(['miss', 'miss', 'hit']);
    expect(first.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
  });

  it('sets CORS headers for the request at hand, not the one that filled the entry', async () => {
    const query = { query: '{ concept(slug: "gemini") { term } }' };
    const a = await send('POST', '/graphql', { origin: 'https://a.example' }, query);
    const b = await send('POST', '/graphql', { origin: 'https://b.example' }, query);
    expect(b.cache).toBe('hit');
    expect(a.headers['access-control-allow-origin']).toBe('https://a.example');
    expect(b.headers['access-control-allow-origin']).toBe('https://b.example');
    // The live answer keeps the CORS middleware's Vary: Origin too (Apollo used to replace it).
    expect(String(a.headers.vary)).toMatch(/Origin/);
    expect(String(b.headers.vary)).toMatch(/Origin/);
  });

  it('never keeps errors, and never serves or stores for a bearer token', async () => {
    const missing = { query: '{ nope: concept(slug: "gemini") { noSuchField } }' };
    const errors = [
      await send('POST', '/graphql', {}, missing),
      await send('POST', '/graphql', {}, missing),
    ];
    expect(errors.map((e) => [e.status, e.cache])).toEqual([
      [400, 'miss'],
      [400, 'miss'],
    ]);
    const query = { query: '{ concept(slug: "gemini") { slug status } }' };
    await send('POST', '/graphql', {}, query);
    const admin = await send('POST', '/graphql', AS.admin, query);
    expect(admin.cache).toBeUndefined();
  });

  it('answers from the new revision right after an edit', async () => {
    const query = { query: '{ concept(slug: "gemini") { summary version } }' };
    const before = await send('POST', '/graphql', { 'accept-language': 'en' }, query);
    expect((await send('POST', '/graphql', { 'accept-language': 'en' }, query)).cache).toBe('hit');
    const version = JSON.parse(before.body.toString()).data.concept.version as number;
    const edit = await editSummary(served.url, 'gemini', version, {
      ko: '바뀐 요약.',
      en: 'A changed summary.',
    });
    expect(edit.errors).toBeUndefined();
    const after = await send('POST', '/graphql', { 'accept-language': 'en' }, query);
    expect(after.cache).toBe('miss');
    expect(JSON.parse(after.body.toString()).data.concept).toEqual({
      summary: 'A changed summary.',
      version: version + 1,
    });
  });
});

describe('response cache and locales', () => {
  it('keeps English answers through a Korean edit whose English stays current, not Korean ones', async () => {
    const query = (locale: string) => ({
      query: `{ concept(slug: "encoder", locale: ${locale}) { term definition } }`,
    });
    const requests: [string, () => Promise<Raw>][] = [
      ['REST en', () => send('GET', '/v1/concepts/encoder?locale=en')],
      ['REST ko', () => send('GET', '/v1/concepts/encoder?locale=ko')],
      ['GraphQL en', () => send('POST', '/graphql', {}, query('EN'))],
      ['GraphQL ko', () => send('POST', '/graphql', {}, query('KO'))],
      // A search matches Korean text too, whatever locale it answers in.
      ['search en', () => send('GET', '/v1/search?q=encoder&locale=en')],
    ];
    const before = new Map<string, Raw>();
    for (const [name, run] of requests) before.set(name, await run());
    for (const [name, run] of requests) expect([name, (await run()).cache]).toEqual([name, 'hit']);

    await editKoreanDefinition(served, 'encoder', '입력을 표현으로 바꾸는 부분.', 'kept current');

    const after: [string, string | undefined][] = [];
    for (const [name, run] of requests) {
      const answer = await run();
      after.push([name, answer.cache]);
      if (name.endsWith(' en') && !name.startsWith('search'))
        expect(answer.body.equals(before.get(name)!.body)).toBe(true);
    }
    expect(after).toEqual([
      ['REST en', 'hit'],
      ['REST ko', 'miss'],
      ['GraphQL en', 'hit'],
      ['GraphQL ko', 'miss'],
      ['search en', 'miss'],
    ]);
  });
});

describe('response cache budget', () => {
  it('serves live what does not fit, and nothing at all when disabled', async () => {
    for (const bytes of ['4096', '0']) {
      const small = await serveApi({ RESPONSE_CACHE_BYTES: bytes });
      try {
        const path = '/v1/lessons/introduction-to-llms/bundle';
        await send('GET', '/v1/lessons', {}, undefined, small.url);
        const runs = [
          await send('GET', path, {}, undefined, small.url),
          await send('GET', path, {}, undefined, small.url),
        ];
        expect(runs.map((run) => [run.status, run.cache ?? 'none'])).toEqual(
          bytes === '0'
            ? [
                [200, 'none'],
                [200, 'none'],
              ]
            : [
                [200, 'miss'],
                [200, 'miss'],
              ],
        );
      } finally {
        await small.close();
      }
    }
  });
});
