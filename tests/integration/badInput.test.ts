// Bad input, table-driven, through the real function entry and the framework's own server:
// every refusal is JSON with a code, no HTML, no stack trace, no file path; the server lives on.
import '../../src/index.js';
import { request, serveRegisteredFunction, type ServedFunction } from '../helpers/httpServer.js';

let server: ServedFunction;
beforeAll(async () => {
  server = await serveRegisteredFunction('api');
});
afterAll(() => server.close());

interface Case {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  status: number;
  code: string;
  /** Where the code is: a GraphQL error (`errors[0].extensions.code`) or problem+json (`code`). */
  shape: 'graphql' | 'problem';
}

const json = { 'content-type': 'application/json' };
const gql = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

const cases: Case[] = [
  {
    name: 'malformed JSON',
    headers: json,
    body: '{"query": "{ lessons { slug } }"',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'a JSON scalar body',
    headers: json,
    body: '"just a string"',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'text/plain body',
    headers: { 'content-type': 'text/plain' },
    body: gql('{ lessons { slug } }'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    shape: 'graphql',
  },
  {
    name: 'form-encoded body',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=x',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    shape: 'graphql',
  },
  {
    name: 'an empty POST body',
    headers: json,
    body: '',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'a batch of operations',
    headers: json,
    body: `[${gql('{ lessons { slug } }')}]`,
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'an unsupported charset',
    headers: { 'content-type': 'application/json; charset=latin2' },
    body: gql('{ lessons { slug } }'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    shape: 'graphql',
  },
  {
    name: 'a corrupt gzip body',
    headers: { ...json, 'content-encoding': 'gzip' },
    body: 'not gzip at all',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'PUT on /graphql',
    method: 'PUT',
    headers: json,
    body: gql('{ lessons { slug } }'),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    shape: 'graphql',
  },
  {
    name: 'GET without a CSRF preflight header',
    method: 'GET',
    path: '/graphql?query=%7Blessons%7Bslug%7D%7D',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'an empty query',
    headers: json,
    body: gql(''),
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'a query that is not a string',
    headers: json,
    body: '{"query": 42}',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'variables that are not an object',
    headers: json,
    body: '{"query": "{ lessons { slug } }", "variables": "x"}',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'graphql',
  },
  {
    name: 'a GraphQL syntax error',
    headers: json,
    body: gql('{ concept(slug: '),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    shape: 'graphql',
  },
  {
    name: 'an unknown field',
    headers: json,
    body: gql('{ concept(slug: "encoder") { nope } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    shape: 'graphql',
  },
  {
    name: 'an unknown locale literal',
    headers: json,
    body: gql('{ lessons(locale: FR) { slug } }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    shape: 'graphql',
  },
  {
    name: 'an unknown locale variable',
    headers: json,
    body: gql('query($l: Locale) { lessons(locale: $l) { slug } }', { l: 'FR' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'depth above 3',
    headers: json,
    body: gql('{ concept(slug: "encoder") { related(depth: 4) { slug } } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'depth below 1',
    headers: json,
    body: gql('{ concept(slug: "encoder") { related(depth: 0) { slug } } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'a bad cursor',
    headers: json,
    body: gql('{ concepts(after: "not-a-cursor") { totalCount } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'a forged cursor',
    headers: json,
    body: gql(
      `{ concepts(after: "${Buffer.from('[1,["x"]]').toString('base64url')}") { totalCount } }`,
    ),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'first above the cap',
    headers: json,
    body: gql('{ concepts(first: 101) { totalCount } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'negative first',
    headers: json,
    body: gql('{ concepts(first: -1) { totalCount } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'compare with one concept',
    headers: json,
    body: gql('{ compare(slugs: ["encoder"]) { title } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'compare with a repeated concept',
    headers: json,
    body: gql('{ compare(slugs: ["encoder", "encoder"]) { title } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
    shape: 'graphql',
  },
  {
    name: 'compare with an unknown concept',
    headers: json,
    body: gql('{ compare(slugs: ["encoder", "nope"]) { title } }'),
    status: 200,
    code: 'NOT_FOUND',
    shape: 'graphql',
  },
  {
    name: 'an unknown route',
    method: 'GET',
    path: '/no/such/route',
    status: 404,
    code: 'NOT_FOUND',
    shape: 'problem',
  },
  {
    name: 'a path traversal attempt',
    method: 'GET',
    path: '/..%2F..%2Fetc%2Fpasswd',
    status: 404,
    code: 'NOT_FOUND',
    shape: 'problem',
  },
  {
    name: 'malformed JSON on another route',
    path: '/healthz',
    headers: json,
    body: '{oops',
    status: 400,
    code: 'BAD_REQUEST',
    shape: 'problem',
  },
];

// What must never appear in an answer: stack frames, file paths, HTML.
const LEAKS = [
  /\bat .+:\d+:\d+/,
  /\/work\//,
  /node_modules/,
  /\.(ts|js):\d+/,
  /<html|<!DOCTYPE|<pre>/i,
];

describe('bad input gets a JSON error with a code', () => {
  it.each(cases)('$name → $status $code', async (c) => {
    const answer = await request(`${server.url}${c.path ?? '/graphql'}`, {
      method: c.method ?? 'POST',
      headers: c.headers,
      body: c.body,
    });
    expect(answer.status).toBe(c.status);
    expect(answer.headers.get('content-type')).toMatch(
      c.shape === 'problem' ? /^application\/problem\+json/ : /^application\/json/,
    );
    const body = answer.json as Record<string, any>;
    const code = c.shape === 'problem' ? body.code : body.errors?.[0]?.extensions?.code;
    expect(code).toBe(c.code);
    const message = c.shape === 'problem' ? body.detail : body.errors[0].message;
    expect(typeof message).toBe('string');
    expect(message.length).toBeGreaterThan(0);
    for (const leak of LEAKS) expect(answer.text).not.toMatch(leak);
  });

  it('names the failing argument of a BAD_USER_INPUT', async () => {
    const answer = await request(`${server.url}/graphql`, {
      method: 'POST',
      headers: json,
      body: gql('{ concept(slug: "encoder") { related(depth: 9) { slug } } }'),
    });
    const error = (answer.json as any).errors[0];
    expect(error.path).toEqual(['concept', 'related']);
    expect(error.extensions.issues).toEqual([
      { path: ['depth'], message: expect.stringMatching(/between 1 and 3/) },
    ]);
    expect(error.message).toMatch(/got 9/);
  });

  it('keeps serving after all of the above', async () => {
    const health = await request(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const answer = await request(`${server.url}/graphql`, {
      method: 'POST',
      headers: json,
      body: gql('{ lessons { slug } }'),
    });
    expect(answer.json).toEqual({ data: { lessons: [{ slug: 'introduction-to-llms' }] } });
  });
});
