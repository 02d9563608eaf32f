// The HTTP edges: the Bearer scheme as RFC 9110 has it, 401s that name their scheme, JSON for
// the answers Node and the functions framework used to give bare, and JSON bodies that mean
// one thing only.
import { graphql, request, serveApi } from '../helpers/httpServer.js';
import { sendBytes, sendRaw } from '../helpers/rawHttp.js';
import { EDITOR_TOKEN, TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS, NODE_ENV: 'production' });
});
afterAll(() => served.close());

const LESSONS = '{ lessons { slug } }';

describe('the Authorization header', () => {
  it.each([
    ['Bearer', `Bearer ${EDITOR_TOKEN}`],
    ['bearer', `bearer ${EDITOR_TOKEN}`],
    ['BEARER and two spaces', `BEARER  ${EDITOR_TOKEN}`],
  ])('takes the scheme written %s', async (_name, authorization) => {
    const answer = await graphql<any>(
      served.url,
      '{ concepts(first: 1) { totalCount } }',
      undefined,
      { authorization },
    );
    expect(answer.status).toBe(200);
    // Editors see the drafts count too: the token was taken.
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });

  it.each([
    ['REST, an unknown token', '/v1/concepts', 'Bearer nope'],
    ['REST, another scheme', '/v1/concepts', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ['GraphQL, an unknown token', `/graphql?query=${encodeURIComponent(LESSONS)}`, 'Bearer nope'],
  ])('names the Bearer scheme in every 401: %s', async (_name, path, authorization) => {
    const answer = await request(`${served.url}${path}`, {
      headers: { authorization, 'apollo-require-preflight': 'true' },
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(answer.text).toMatch(/UNAUTHENTICATED/);
  });
});

describe('answers that never reach a handler', () => {
  const parse = (raw: string) => {
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    return { statusLine: head.split('\r\n')[0], head, json: JSON.parse(body) as unknown };
  };

  it('answers headers over the size limit with a JSON 431', async () => {
    const raw = await sendBytes(
      served.url,
      `GET /v1/concepts HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const { statusLine, head, json } = parse(raw);
    expect(statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(json).toEqual({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      detail: 'The request line and headers are larger than this server accepts.',
    });
  });

  it.each([
    ['a malformed request line', 'NOT HTTP AT ALL\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    [
      'both a length and chunked encoding (request smuggling)',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
  ])('answers %s with a JSON 400', async (_name, bytes) => {
    const { statusLine, json } = parse(await sendBytes(served.url, bytes));
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(json).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it.each(['/favicon.ico', '/robots.txt'])(
    'answers %s (the framework answered it bare) with a JSON 404',
    async (path) => {
      const answer = await request(`${served.url}${path}`);
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json).toMatchObject({ code: 'NOT_FOUND' });
    },
  );

  it('keeps serving after all of them', async () => {
    expect((await request(`${served.url}/healthz`)).status).toBe(200);
  });
});

describe('JSON bodies', () => {
  const post = (body: string) =>
    sendRaw(`${served.url}/graphql`, 'POST', { 'content-type': 'application/json' }, body);

  it.each([
    [
      'a repeated key',
      '{"query":"{ lessons { slug } }","query":"{ concept(slug: \\"x\\") { slug } }"}',
      ['query'],
    ],
    [
      'a repeated key written with an escape',
      '{"query":"{ lessons { slug } }","\\u0071uery":"{ x }"}',
      ['query'],
    ],
    [
      'a repeated key inside the variables',
      '{"query":"query($a: ID!) { concept(slug: $a) { slug } }","variables":{"a":"x","a":"y"}}',
      ['variables', 'a'],
    ],
  ])('refuses %s, naming where', async (_name, body, path) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body.toString())).toEqual({
      errors: [
        {
          message: `The request body names the key "${path.at(-1)}" twice in one object.`,
          extensions: { code: 'BAD_REQUEST', issues: [{ path, message: 'duplicate key' }] },
        },
      ],
    });
  });

  it('takes the same key in different objects', async () => {
    const answer = await post(
      '{"query":"query($a: ID!) { concept(slug: $a) { slug } }","variables":{"a":"encoder"},"extensions":{"a":1}}',
    );
    expect(JSON.parse(answer.body.toString())).toEqual({ data: { concept: { slug: 'encoder' } } });
  });

  it.each([65, 10_000])('refuses a body nested %i deep with a JSON 400', async (depth) => {
    const answer = await post(
      `{"query":"{ lessons { slug } }","variables":{"v":${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}}}`,
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body.toString()).errors[0]).toEqual({
      message: `The request body nests ${depth} deep; at most 64 levels are allowed.`,
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});

describe('suggestions in production', () => {
  const mistakes: [string, string, Record<string, unknown>][] = [
    [
      'an enum value in a variable',
      'query($l: Locale) { concept(slug: "gemini", locale: $l) { slug } }',
      { l: 'en' },
    ],
    [
      'an input field in a variable',
      'mutation($i: RelationInput!) { addRelation(input: $i) { kind } }',
      { i: { from: 'a', too: 'b', kind: 'IS_A' } },
    ],
    ['a field', '{ concept(slug: "gemini") { slugg } }', {}],
  ];

  it.each(mistakes)('are hidden for %s, and only there', async (_name, query, variables) => {
    const production = await graphql<any>(served.url, query, variables, {
      authorization: `Bearer ${EDITOR_TOKEN}`,
    });
    expect(production.status).toBe(400);
    expect(production.errors?.length).toBeGreaterThan(0);
    for (const error of production.errors!) expect(error.message).not.toMatch(/Did you mean/);

    const development = await serveApi({ API_TOKENS: TEST_API_TOKENS });
    try {
      const answer = await graphql<any>(development.url, query, variables, {
        authorization: `Bearer ${EDITOR_TOKEN}`,
      });
      expect(answer.errors?.map((e: any) => e.message).join(' ')).toMatch(/Did you mean/);
    } finally {
      await development.close();
    }
  });
});
