// Answers the response cache holds are given where a request enters the process (the framework
// guard, at the front door the API binds on its first request), before the functions framework's own
// middleware and without calling the function: the same bytes, CORS headers and 304s as the
// function's own door, one log line, and never for a bearer token or an old revision (GETs at
// once, POSTs once their body is in). GraphQL queries the fast path answers are made there too
// (graphqlFrontDoor; fastGraphQLPath.test.ts compares their bytes). Composed by startApi, as the
// production entry composes it.
import * as functions from '@google-cloud/functions-framework';
import fc from 'fast-check';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { startApi, type Api } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { bindFrontDoor, bindLiveDoor } from '../../src/http/frameworkErrorGuard.js';
import { createLogger, useLogger, type Logger } from '../../src/observability/logger.js';
import { editSummary } from '../helpers/editing.js';
import { serveRegisteredFunction, type ServedFunction } from '../helpers/httpServer.js';
import { sendRaw, type RawAnswer } from '../helpers/rawHttp.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';
import { waitForLines } from '../helpers/waitForLines.js';

let api: Api;
let served: ServedFunction;
let calls = 0;
let lines: string[] = [];
let previous: Logger;

beforeAll(async () => {
  previous = useLogger(createLogger('info', { write: (line: string) => void lines.push(line) }));
  const config = loadConfig({ API_TOKENS: TEST_API_TOKENS, CORS_ORIGINS: 'https://a.example' });
  api = startApi(config);
  await api.ready;
  // The function counts its calls: a request answered at the process's door never makes one.
  functions.http('front-door', (req, res) => {
    calls++;
    api.handler(req, res);
  });
  served = await serveRegisteredFunction('front-door');
  // The first request of an instance loads the content; the cache takes part from then on.
  await sendRaw(`${served.url}/v1/lessons`, 'GET', {});
});
afterAll(async () => {
  await served.close();
  await api.close();
  useLogger(previous);
});

interface Sent extends RawAnswer {
  /** Whether the function was called for this request. */
  called: boolean;
  /** The request's log line. */
  log: Record<string, any>;
}

async function send(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Sent> {
  lines = [];
  const before = calls;
  const answer = await sendRaw(
    new URL(path, served.url).href,
    method,
    body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body === undefined ? undefined : JSON.stringify(body),
  );
  await waitForLines(() => lines);
  expect(lines).toHaveLength(1);
  return { ...answer, called: calls > before, log: JSON.parse(lines[0]!) };
}

describe("the process's front door", () => {
  it('answers a kept GET without calling the function, byte for byte', async () => {
    const path = '/v1/concepts/large-language-model/related?depth=2';
    const live = await send('GET', path);
    const kept = await send('GET', path);
    expect([live.called, live.log.responseCache, kept.called, kept.log.responseCache]).toEqual([
      true,
      'miss',
      false,
      'hit',
    ]);
    expect(kept.status).toBe(200);
    expect(kept.body.equals(live.body)).toBe(true);
    for (const name of ['content-type', 'cache-control', 'etag', 'vary', 'content-length']) {
      expect([name, kept.headers[name]]).toEqual([name, live.headers[name]]);
    }
    expect(kept.log).toMatchObject({
      severity: 'INFO',
      viewer: 'anonymous',
      httpRequest: { requestMethod: 'GET', requestUrl: path.split('?')[0], status: 200 },
    });
  });

  it('answers GraphQL GETs too, with compression and CORS for the request at hand', async () => {
    const query =
      '{ concept(slug: "large-language-model") { term relations { label concept { term summary } } } }';
    const path = `/graphql?query=${encodeURIComponent(query)}`;
    const headers = { 'apollo-require-preflight': 'true', 'accept-encoding': 'gzip' };
    await send('GET', path, headers);
    const kept = await send('GET', path, { ...headers, origin: 'https://a.example' });
    expect([kept.called, kept.status, kept.headers['content-encoding']]).toEqual([
      false,
      200,
      'gzip',
    ]);
    expect(kept.headers['access-control-allow-origin']).toBe('https://a.example');
    expect(String(kept.headers.vary)).toMatch(/Origin/);
    const other = await send('GET', path, { ...headers, origin: 'https://evil.example' });
    expect(other.called).toBe(false);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a matching If-None-Match with 304, and a stale one with the body', async () => {
    const path = '/v1/concepts/gemini';
    const live = await send('GET', path);
    const revalidated = await send('GET', path, { 'if-none-match': String(live.headers.etag) });
    expect([revalidated.called, revalidated.status, revalidated.body.length]).toEqual([
      false,
      304,
      0,
    ]);
    const changed = await send('GET', path, { 'if-none-match': 'W/"something-else"' });
    expect([changed.called, changed.status]).toEqual([false, 200]);
    expect(changed.body.equals(live.body)).toBe(true);
  });

  it('answers a kept POST at the door once its body is in (its key needs the parsed body)', async () => {
    const query = { query: '{ concept(slug: "transformer") { slug } }' };
    const live = await send('POST', '/graphql', {}, query);
    const again = await send('POST', '/graphql', {}, query);
    expect([live.called, again.called, again.log.responseCache]).toEqual([true, false, 'hit']);
    expect(again.body.equals(live.body)).toBe(true);
  });

  it('answers a GraphQL query it does not keep at the door, once Apollo has validated it', async () => {
    const query = 'query Slug($slug: ID!) { concept(slug: $slug) { slug term } }';
    const validated = await send('POST', '/graphql', AS.editor, {
      query,
      variables: { slug: 'encoder' },
    });
    const fast = await send('POST', '/graphql', AS.editor, {
      query,
      variables: { slug: 'decoder' },
    });
    expect([validated.called, fast.called, fast.status, fast.log.viewer]).toEqual([
      true,
      false,
      200,
      'editor',
    ]);
    expect(JSON.parse(fast.body.toString())).toEqual({
      data: { concept: { slug: 'decoder', term: expect.any(String) } },
    });
  });

  it('answers through the function, and keeps serving, when the lookup itself fails', async () => {
    // Out here an exception would reach the framework's uncaught-exception handler (which
    // ends the process): it is logged instead, and the request goes on to the function.
    bindFrontDoor(served.server, () => {
      throw new Error('lookup exploded');
    });
    const before = calls;
    try {
      lines = [];
      const answer = await sendRaw(`${served.url}/v1/concepts/gemini`, 'GET', {});
      expect([answer.status, calls - before]).toEqual([200, 1]);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ slug: 'gemini' });
      await waitForLines(() => lines, 2);
      expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
        expect.objectContaining({
          severity: 'ERROR',
          message: 'response cache lookup failed; answering live',
          stack_trace: expect.stringContaining('lookup exploded'),
        }),
        expect.objectContaining({ severity: 'INFO', httpRequest: expect.anything() }),
      ]);
    } finally {
      bindFrontDoor(served.server, api.answerFromCache);
    }
    expect((await send('GET', '/v1/concepts/gemini')).called).toBe(false);
  });

  it('never answers a bearer token, and never from an older revision', async () => {
    const path = '/v1/concepts/fine-tuning?locale=en';
    await send('GET', path);
    expect((await send('GET', path)).called).toBe(false);
    const admin = await send('GET', path, AS.admin);
    expect([admin.called, admin.log.responseCache]).toEqual([true, undefined]);
    const version = JSON.parse((await send('GET', path)).body.toString()).version as number;
    const edit = await editSummary(served.url, 'fine-tuning', version, {
      ko: '새 요약.',
      en: 'A new summary.',
    });
    expect(edit.errors).toBeUndefined();
    const after = await send('GET', path);
    expect([after.called, after.log.responseCache]).toEqual([true, 'miss']);
    expect(JSON.parse(after.body.toString())).toMatchObject({
      summary: 'A new summary.',
      version: version + 1,
    });
  });
});

// Any header a client may send to a kept GET, with values from the plausible to the hostile.
const HEADER_NAMES = [
  'accept',
  'accept-encoding',
  'accept-language',
  'if-none-match',
  'if-modified-since',
  'origin',
  'apollo-require-preflight',
  'cache-control',
  'range',
] as const;
const printable = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
const headerValue = fc.oneof(
  printable,
  fc.constantFrom('*', 'gzip, br;q=0', 'br;q=2, *;q=0', 'ko-KR,en;q=0.9', 'W/"x"', '"*"', '*/*'),
);
const headers = fc
  .dictionary(fc.constantFrom(...HEADER_NAMES), headerValue, { maxKeys: 5 })
  .map((dictionary) =>
    Object.fromEntries(Object.entries(dictionary).map(([k, v]) => [k, v.trim()])),
  );
const keptPath = fc.constantFrom(
  '/v1/concepts/gemini',
  '/v1/concepts/large-language-model/related?depth=2',
  '/v1/lessons/introduction-to-llms/bundle',
  '/v1/concepts?limit=5',
  '/v1/search?q=%ED%94%84%EB%A1%AC%ED%94%84%ED%8A%B8',
  `/graphql?query=${encodeURIComponent('{ concept(slug: "gemini") { slug term summary } }')}`,
);

function decoded(answer: RawAnswer): string {
  const encoding = answer.headers['content-encoding'];
  const body =
    encoding === 'br'
      ? brotliDecompressSync(answer.body)
      : encoding === 'gzip'
        ? gunzipSync(answer.body)
        : encoding === 'deflate'
          ? inflateSync(answer.body)
          : answer.body;
  return body.toString();
}

describe("the process's front door, fuzzed", () => {
  it('answers any repeated GET as the function would: no 5xx, the same content', async () => {
    let answeredAtTheDoor = 0;
    await fc.assert(
      fc.asyncProperty(keptPath, headers, async (path, sent) => {
        const url = new URL(path, served.url).href;
        const first = await sendRaw(url, 'GET', sent);
        const before = calls;
        const second = await sendRaw(url, 'GET', sent);
        if (calls === before) answeredAtTheDoor++;
        expect([first.status < 500, second.status < 500]).toEqual([true, true]);
        expect(second.status).toBe(first.status);
        expect(second.headers['content-type']).toBe(first.headers['content-type']);
        if (first.status === 200) expect(decoded(second)).toBe(decoded(first));
      }),
      { numRuns: 150 },
    );
    // Most repeats are kept answers (the rest: errors, 304s, answers that may not be kept).
    expect(answeredAtTheDoor).toBeGreaterThan(75);
    expect((await sendRaw(`${served.url}/healthz`, 'GET')).status).toBe(200);
  }, 60_000);
});

describe("the process's live door", () => {
  it('leaves the request to the function, and keeps serving, when it fails before answering', async () => {
    const own = startApi(loadConfig({}));
    await own.ready;
    functions.http('live-door-failing', own.handler);
    const server = await serveRegisteredFunction('live-door-failing');
    const query = JSON.stringify({ query: '{ concept(slug: "gemini") { slug } }' });
    const post = () =>
      sendRaw(`${server.url}/graphql`, 'POST', { 'content-type': 'application/json' }, query);
    try {
      // The first request binds the API's doors to this server; then they are replaced.
      expect((await post()).status).toBe(200);
      const doors = [
        () => {
          throw new Error('door exploded');
        },
        () => Promise.reject(new Error('door rejected')),
      ];
      for (const door of doors) {
        bindLiveDoor(server.server, door);
        lines = [];
        const answer = await post();
        expect([answer.status, JSON.parse(answer.body.toString())]).toEqual([
          200,
          { data: { concept: { slug: 'gemini' } } },
        ]);
        await waitForLines(() => lines, 2);
        expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
          expect.objectContaining({
            severity: 'ERROR',
            message: 'live answer at the door failed; answering as usual',
            stack_trace: expect.stringMatching(/door (exploded|rejected)/),
          }),
          expect.objectContaining({ severity: 'INFO', httpRequest: expect.anything() }),
        ]);
      }
    } finally {
      await server.close();
      await own.close();
    }
  });
});
