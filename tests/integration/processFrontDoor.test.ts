// GETs the response cache holds are answered where a request enters the process (the framework
// guard, with the `answerFromCache` the entry gives it), before the functions framework's own
// middleware and without calling the function: the same bytes, CORS headers and 304s as the
// function's own door, one log line, and never for a bearer token, a POST or an old revision.
// One API per file: the guard holds one process-wide answerer, as in production.
import * as functions from '@google-cloud/functions-framework';
import { createApi, type Api } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { bodyLimitPolicy } from '../../src/http/bodyLimit.js';
import { installFrameworkErrorGuard } from '../../src/http/frameworkErrorGuard.js';
import { createLogger, useLogger, type Logger } from '../../src/observability/logger.js';
import { as } from '../helpers/editing.js';
import { serveRegisteredFunction, type ServedFunction } from '../helpers/httpServer.js';
import { sendRaw, type RawAnswer } from '../helpers/rawHttp.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

let api: Api;
let served: ServedFunction;
let calls = 0;
let lines: string[] = [];
let previous: Logger;

beforeAll(async () => {
  previous = useLogger(createLogger('info', { write: (line: string) => void lines.push(line) }));
  const config = loadConfig({ API_TOKENS: TEST_API_TOKENS, CORS_ORIGINS: 'https://a.example' });
  api = createApi(config);
  await api.ready;
  installFrameworkErrorGuard({
    bodyLimit: bodyLimitPolicy(config),
    requestLog: {},
    answerFromCache: api.answerFromCache,
  });
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
  for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
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

  it('leaves POSTs to the function (their key needs the parsed body)', async () => {
    const query = { query: '{ concept(slug: "transformer") { slug } }' };
    await send('POST', '/graphql', {}, query);
    const again = await send('POST', '/graphql', {}, query);
    expect([again.called, again.log.responseCache]).toEqual([true, 'hit']);
  });

  it('never answers a bearer token, and never from an older revision', async () => {
    const path = '/v1/concepts/fine-tuning?locale=en';
    await send('GET', path);
    expect((await send('GET', path)).called).toBe(false);
    const admin = await send('GET', path, AS.admin);
    expect([admin.called, admin.log.responseCache]).toEqual([true, undefined]);
    const version = JSON.parse((await send('GET', path)).body.toString()).version as number;
    const edit = await as(
      'admin',
      served.url,
      'mutation($v: Int!) { updateConcept(slug: "fine-tuning", expectedVersion: $v, patch: { summary: { ko: "새 요약.", en: "A new summary." } }) { version } }',
      { v: version },
    );
    expect(edit.errors).toBeUndefined();
    const after = await send('GET', path);
    expect([after.called, after.log.responseCache]).toEqual([true, 'miss']);
    expect(JSON.parse(after.body.toString())).toMatchObject({
      summary: 'A new summary.',
      version: version + 1,
    });
  });
});
