// Structured logs, read back: every request served through the functions framework writes one
// JSON line in Cloud Logging's shape (severity, message, httpRequest with latency, the trace from
// traceparent or X-Cloud-Trace-Context, the GraphQL operation), including requests the framework
// guard refuses before our app runs, and no line carries a token, a variable, a query string or
// any other client-supplied secret.
import { logUnexpected } from '../../src/observability/logUnexpected.js';
import { createLogger, useLogger, type Logger } from '../../src/observability/logger.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { sendRaw } from '../helpers/rawHttp.js';
import { ADMIN_TOKEN, AS, TEST_API_TOKENS } from '../helpers/tokens.js';
import { waitForLines } from '../helpers/waitForLines.js';

const PROJECT = 'llm-course-test';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SECRET = 'SECRET-VARIABLE-a1b2c3';
const PRIVATE_TERM = 'PRIVATE-SEARCH-TERM-z9';

let lines: string[] = [];
let previous: Logger;
let served: Awaited<ReturnType<typeof serveApi>>;

beforeAll(async () => {
  previous = useLogger(createLogger('info', { write: (line: string) => void lines.push(line) }));
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS, GOOGLE_CLOUD_PROJECT: PROJECT });
});
afterAll(async () => {
  await served.close();
  useLogger(previous);
});
beforeEach(() => {
  lines = [];
});

/** The parsed log lines written so far (the line for a response comes once it is finished). */
async function entries(count: number): Promise<Record<string, any>[]> {
  await waitForLines(() => lines, count);
  expect(lines).toHaveLength(count);
  return lines.map((line) => JSON.parse(line) as Record<string, any>);
}

/** POSTs raw bytes (declared lengths and broken bodies exactly as given); returns the status. */
async function post(path: string, body: string, headers: Record<string, string>): Promise<number> {
  return (await sendRaw(new URL(path, served.url).href, 'POST', headers, body)).status;
}

describe('request log lines', () => {
  it('records a GraphQL POST: severity, latency, operation, viewer role and W3C trace', async () => {
    const answer = await request(`${served.url}/graphql`, {
      method: 'POST',
      headers: {
        ...AS.admin,
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({
        query: 'query ConceptCard($slug: ID!) { concept(slug: $slug) { slug } }',
        variables: { slug: SECRET },
      }),
    });
    expect(answer.status).toBe(200);
    const [entry] = await entries(1);
    expect(entry).toEqual({
      severity: 'INFO',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      message: expect.stringMatching(/^POST \/graphql 200 \d+\.\d ms query ConceptCard$/),
      httpRequest: {
        requestMethod: 'POST',
        requestUrl: '/graphql',
        status: 200,
        latency: expect.stringMatching(/^\d+\.\d{6}s$/),
        responseSize: expect.stringMatching(/^\d+$/),
      },
      graphql: { operationName: 'ConceptCard', operationType: 'query' },
      viewer: 'admin',
      'logging.googleapis.com/trace': `projects/${PROJECT}/traces/${TRACE_ID}`,
      'logging.googleapis.com/spanId': '00f067aa0ba902b7',
      'logging.googleapis.com/trace_sampled': true,
    });
    expect(lines.join('')).not.toContain(SECRET);
    expect(lines.join('')).not.toContain(ADMIN_TOKEN);
  });

  it('records a REST GET by path only, with the legacy X-Cloud-Trace-Context', async () => {
    const answer = await request(`${served.url}/v1/search?q=${PRIVATE_TERM}&locale=en`, {
      headers: { 'x-cloud-trace-context': `${TRACE_ID}/123;o=0` },
    });
    expect(answer.status).toBe(200);
    const [entry] = await entries(1);
    expect(entry).toMatchObject({
      severity: 'INFO',
      httpRequest: { requestMethod: 'GET', requestUrl: '/v1/search', status: 200 },
      viewer: 'anonymous',
      'logging.googleapis.com/trace': `projects/${PROJECT}/traces/${TRACE_ID}`,
      'logging.googleapis.com/spanId': '000000000000007b',
      'logging.googleapis.com/trace_sampled': false,
    });
    expect(lines.join('')).not.toContain(PRIVATE_TERM);
  });

  it('records refusals as warnings with their error codes, even those the guard answers', async () => {
    await request(`${served.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ concept(slug: "gemini") { noSuchField } }' }),
    });
    const malformed = await post('/graphql', '{"query": ', { 'content-type': 'application/json' });
    const big = 'x'.repeat(200 * 1024);
    const oversized = await post('/graphql', big, {
      'content-type': 'application/json',
      'content-length': String(big.length),
      authorization: 'Bearer llmc_forged-token-that-must-not-be-logged',
    });
    expect([malformed, oversized]).toEqual([400, 413]);
    const [invalid, broken, tooLarge] = await entries(3);
    expect(invalid).toMatchObject({
      severity: 'WARNING',
      httpRequest: { status: 400 },
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    expect(broken).toMatchObject({ severity: 'WARNING', httpRequest: { status: 400 } });
    expect(tooLarge).toMatchObject({ severity: 'WARNING', httpRequest: { status: 413 } });
    expect(lines.join('')).not.toContain('forged-token');
  });

  it('ignores malformed trace headers instead of echoing them', async () => {
    await request(`${served.url}/healthz`, {
      headers: { traceparent: '00-not-a-trace-<script>-01', 'x-cloud-trace-context': 'junk' },
    });
    const [entry] = await entries(1);
    expect(entry!['logging.googleapis.com/trace']).toBeUndefined();
    expect(lines.join('')).not.toContain('<script>');
  });

  it('logs unexpected errors at ERROR with the stack for Error Reporting', async () => {
    logUnexpected(new Error('boom in a resolver'));
    const [entry] = await entries(1);
    expect(entry).toMatchObject({
      severity: 'ERROR',
      message: 'boom in a resolver',
      stack_trace: expect.stringMatching(/^Error: boom in a resolver\n\s+at /),
    });
  });
});
