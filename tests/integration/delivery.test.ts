// Delivery over real HTTP through the function handler: REST routes and their problem+json
// errors, ETags and 304s, Cache-Control per case, compression, CORS, persisted queries over GET,
// the OpenAPI document, and lesson bundles.
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { request, serveApi } from '../helpers/httpServer.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({
    API_TOKENS: TEST_API_TOKENS,
    CACHE_MAX_AGE: '30',
    CACHE_S_MAXAGE: '600',
  });
});
afterAll(() => served.close());

// fetch() decompresses by itself, and adds `Cache-Control: no-cache` to conditional requests
// (as the Fetch standard says), which rightly defeats a 304: these tests use node:http.
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, served.url);
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('REST routes', () => {
  it.each([
    [
      '/v1/concepts?limit=2&locale=en',
      (b: any) =>
        expect(b).toMatchObject({
          totalCount: 31,
          items: [{ slug: 'chatbot' }, { slug: 'decoder' }],
          nextCursor: expect.any(String),
        }),
    ],
    [
      '/v1/concepts?category=llm-types&locale=en',
      (b: any) =>
        expect(b.items.map((i: any) => i.slug)).toEqual([
          'dialog-tuned-model',
          'generic-language-model',
          'instruction-tuned-model',
        ]),
    ],
    [
      '/v1/concepts/encoder?locale=en',
      (b: any) =>
        expect(b).toMatchObject({
          slug: 'encoder',
          term: 'Encoder',
          relations: [
            { kind: 'PART_OF', direction: 'OUTGOING', label: 'is part of', concept: 'transformer' },
          ],
          lessons: ['introduction-to-llms'],
        }),
    ],
    [
      '/v1/concepts/encoder/related?depth=2&locale=en',
      (b: any) =>
        expect(b.items.map((i: any) => i.slug)).toEqual(
          expect.arrayContaining(['transformer', 'decoder', 'large-language-model']),
        ),
    ],
    [
      '/v1/lessons?locale=en',
      (b: any) =>
        expect(b.items).toEqual([
          expect.objectContaining({
            slug: 'introduction-to-llms',
            number: 2,
            title: 'Introduction to Large Language Models',
          }),
        ]),
    ],
    [
      '/v1/lessons/introduction-to-llms?locale=ko',
      (b: any) =>
        expect(b.sections[0]).toMatchObject({
          anchor: 'generative-ai-definition',
          blocks: [{ type: 'paragraph' }],
        }),
    ],
    [
      '/v1/search?q=PETM&first=1',
      (b: any) =>
        expect(b.hits[0]).toMatchObject({ slug: 'parameter-efficient-tuning', field: 'alias' }),
    ],
  ])('GET %s', async (path, check) => {
    const answer = await request(`${served.url}${path}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    check(answer.json);
  });

  it('pages through concepts with nextCursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const answer: any = (
        await request(`${served.url}/v1/concepts?limit=10${cursor ? `&cursor=${cursor}` : ''}`)
      ).json;
      seen.push(...answer.items.map((i: any) => i.slug));
      cursor = answer.nextCursor;
    }
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
  });

  it.each([
    ['/v1/concepts/no-such-concept', 404, 'NOT_FOUND'],
    ['/v1/concepts/Not_A_Slug', 400, 'BAD_USER_INPUT'],
    [`/v1/concepts/${'a'.repeat(81)}`, 400, 'BAD_USER_INPUT'],
    ['/v1/concepts/..%2F..%2Fetc%2Fpasswd', 400, 'BAD_USER_INPUT'],
    ['/v1/concepts?limit=101', 400, 'BAD_USER_INPUT'],
    ['/v1/concepts?cursor=garbage', 400, 'BAD_USER_INPUT'],
    ['/v1/concepts?unknown=1', 400, 'BAD_USER_INPUT'],
    ['/v1/concepts/encoder?locale=fr', 400, 'BAD_USER_INPUT'],
    ['/v1/concepts/encoder/related?depth=4', 400, 'BAD_USER_INPUT'],
    ['/v1/lessons/nope', 404, 'NOT_FOUND'],
    ['/v1/lessons/nope/bundle', 404, 'NOT_FOUND'],
    ['/v1/lessons/introduction-to-llms/bundle?locales=fr', 400, 'BAD_USER_INPUT'],
    ['/v1/sync?since=not-a-token', 410, 'FULL_SYNC_REQUIRED'],
    ['/v1/sync?first=0', 400, 'BAD_USER_INPUT'],
    ['/v1/search?q=', 400, 'BAD_USER_INPUT'],
    ['/v1/nothing-here', 404, 'NOT_FOUND'],
  ])('GET %s → %i problem+json %s', async (path, status, code) => {
    const answer = await request(`${served.url}${path}`);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      status,
      code,
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  // A bad page argument is reported under the name the client used (REST: limit, cursor).
  it.each([
    ['/v1/concepts?cursor=garbage', 'cursor'],
    // a well-formed cursor of another list: decodes, but not to a concept sort key
    [`/v1/concepts?cursor=${Buffer.from('[1,["x"]]').toString('base64url')}`, 'cursor'],
    ['/v1/concepts?limit=101', 'limit'],
  ])('GET %s names %s in its issues', async (path, argument) => {
    const answer = await request(`${served.url}${path}`);
    expect(answer.status).toBe(400);
    const issues = (answer.json as { issues: { path: unknown[] }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual([[argument]]);
  });

  it('refuses a wrong token with a 401 problem', async () => {
    const answer = await request(`${served.url}/v1/lessons`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('HTTP caching', () => {
  it('answers If-None-Match with 304, and the ETag changes with the locale and the revision', async () => {
    const first = await request(`${served.url}/v1/concepts/gemini?locale=en`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+-en-public"$/);
    const again = await rawGet('/v1/concepts/gemini?locale=en', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // no-cache asks for validation by the origin, which a 304 is (conditionalRequests.test.ts).
    const reload = await rawGet('/v1/concepts/gemini?locale=en', {
      'if-none-match': etag,
      'cache-control': 'no-cache',
    });
    expect(reload.status).toBe(304);
    const korean = await request(`${served.url}/v1/concepts/gemini?locale=ko`);
    expect(korean.headers.get('etag')).not.toBe(etag);

    const version = ((await request(`${served.url}/v1/concepts/gemini`)).json as any).version;
    await fetch(`${served.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AS.admin },
      body: JSON.stringify({
        query: `mutation { updateConcept(slug: "gemini", patch: { aliases: ["Gemini"] }, expectedVersion: ${version}) { version } }`,
      }),
    });
    const changed = await rawGet('/v1/concepts/gemini?locale=en', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('marks public answers public with the configured ages, and preview answers private', async () => {
    const anonymous = await request(`${served.url}/v1/lessons`);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=30, s-maxage=600');
    expect(anonymous.headers.get('vary')).toMatch(/Accept-Language/);
    expect(anonymous.headers.get('vary')).toMatch(/Authorization/);
    const explicit = await request(`${served.url}/v1/lessons?locale=en`);
    expect(explicit.headers.get('vary')).not.toMatch(/Accept-Language/);
    const editor = await request(`${served.url}/v1/lessons`, { headers: AS.editor });
    expect(editor.headers.get('cache-control')).toBe('private, no-store');
    expect(editor.headers.get('etag')).toMatch(/-preview"$/);
  });

  it('gives GraphQL GET queries an ETag, a 304, and a public Cache-Control from cache hints', async () => {
    const url = `${served.url}/graphql?query=${encodeURIComponent('{ concept(slug: "encoder", locale: EN) { term } }')}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await request(url, { headers });
    expect(first.json).toEqual({ data: { concept: { term: 'Encoder' } } });
    expect(first.headers.get('cache-control')).toBe('public, max-age=30, s-maxage=600');
    const etag = first.headers.get('etag')!;
    const second = await rawGet(url.slice(served.url.length), {
      ...headers,
      'if-none-match': etag,
    });
    expect(second.status).toBe(304);
    const history = await request(
      `${served.url}/graphql?query=${encodeURIComponent('{ conceptHistory(slug: "encoder") { version } }')}`,
      { headers: { ...headers, ...AS.admin } },
    );
    expect(history.headers.get('cache-control')).toBe('no-store');
    const error = await request(
      `${served.url}/graphql?query=${encodeURIComponent('{ concept(slug: "encoder") { related(depth: 9) { slug } } }')}`,
      { headers },
    );
    expect(error.headers.get('cache-control')).toBe('no-store');
    const preview = await request(url, { headers: { ...headers, ...AS.editor } });
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
  });

  it('runs automatic persisted queries over GET: a miss is not cacheable, then a hit is', async () => {
    const query = '{ lessons(locale: EN) { slug title } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = encodeURIComponent(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
    );
    const headers = { 'apollo-require-preflight': 'true' };
    const miss = await request(`${served.url}/graphql?extensions=${extensions}`, { headers });
    expect((miss.json as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(miss.headers.get('cache-control')).toMatch(/no-store|private|no-cache/);
    expect(miss.headers.get('cache-control')).not.toMatch(/public/);
    const register = await request(
      `${served.url}/graphql?extensions=${extensions}&query=${encodeURIComponent(query)}`,
      { headers },
    );
    expect(register.json).toEqual({
      data: {
        lessons: [{ slug: 'introduction-to-llms', title: 'Introduction to Large Language Models' }],
      },
    });
    const hit = await request(`${served.url}/graphql?extensions=${extensions}`, { headers });
    expect(hit.json).toEqual(register.json);
    expect(hit.headers.get('cache-control')).toBe('public, max-age=30, s-maxage=600');
  });
});

describe('compression and CORS', () => {
  it('compresses large answers with brotli or gzip, and leaves small ones alone', async () => {
    const path = '/v1/lessons/introduction-to-llms?locale=ko';
    const plain = await rawGet(path);
    const gzip = await rawGet(path, { 'accept-encoding': 'gzip' });
    const br = await rawGet(path, { 'accept-encoding': 'br, gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const small = await rawGet('/v1/concepts?limit=0', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('answers CORS preflight requests and marks answers for any origin', async () => {
    const preflight = await fetch(`${served.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const get = await request(`${served.url}/v1/lessons`, {
      headers: { origin: 'https://app.example.com' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag/);
  });

  it('allows only the configured origins when they are set', async () => {
    const strict = await serveApi({ CORS_ORIGINS: 'https://course.example.com' });
    try {
      const allowed = await request(`${strict.url}/v1/lessons`, {
        headers: { origin: 'https://course.example.com' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://course.example.com');
      const other = await request(`${strict.url}/v1/lessons`, {
        headers: { origin: 'https://evil.example.com' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await strict.close();
    }
  });
});

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document listing every route', async () => {
    const answer = await request(`${served.url}/v1/openapi.json`);
    const document: any = answer.json;
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/v1/concepts',
        '/v1/concepts/{slug}',
        '/v1/concepts/{slug}/related',
        '/v1/lessons',
        '/v1/lessons/{slug}',
        '/v1/lessons/{slug}/bundle',
        '/v1/openapi.json',
        '/v1/search',
        '/v1/sync',
        '/v1/translations',
        '/v1/translations/{type}/{id}',
      ].sort(),
    );
    const parameters = document.paths['/v1/concepts'].get.parameters.map((p: any) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['category', 'limit', 'cursor', 'locale']));
  });
});

describe('lesson bundles', () => {
  it('packs the lesson with its concepts, their relations and comparisons, in the asked locales', async () => {
    const answer = await request(`${served.url}/v1/lessons/introduction-to-llms/bundle?locales=en`);
    const bundle: any = answer.json;
    expect(bundle).toMatchObject({
      slug: 'introduction-to-llms',
      locales: ['en'],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      syncToken: expect.any(String),
    });
    expect(Object.keys(bundle.content)).toEqual(['en']);
    const { lesson, concepts, relations, comparisons } = bundle.content.en;
    expect(lesson.title).toBe('Introduction to Large Language Models');
    expect(concepts.map((c: any) => c.slug).sort()).toEqual([...lesson.concepts].sort());
    const taught = new Set(lesson.concepts);
    expect(relations.length).toBeGreaterThan(20);
    expect(relations.every((r: any) => taught.has(r.from) && taught.has(r.to))).toBe(true);
    expect(comparisons.map((c: any) => c.slug)).toEqual([
      'llm-types',
      'llm-vs-traditional-ml-development',
      'tuning-approaches',
    ]);

    const graphql = await request(`${served.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ lessonBundle(slug: "introduction-to-llms", locales: [EN]) { contentHash syncToken content } }',
      }),
    });
    expect((graphql.json as any).data.lessonBundle.contentHash).toBe(bundle.contentHash);
    expect((graphql.json as any).data.lessonBundle.content).toEqual(bundle.content);
  });
});
