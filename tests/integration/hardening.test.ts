// Hostile requests: queries over the depth, cost, alias, directive and token limits are refused
// with QUERY_TOO_COMPLEX before any store work; oversized bodies get a JSON 413.
import { bundle, CountingStore, memoryStoreWith } from '../helpers/contentFixtures.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { defaultSeedDir } from '../../src/paths.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';
import { sendRaw } from '../helpers/rawHttp.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
let store: CountingStore;
beforeAll(async () => {
  store = new CountingStore(
    await memoryStoreWith(bundle(await loadSeedDirectory(defaultSeedDir()))),
  );
  // TTL 0: every accepted request checks the store, so a refused one that did would show.
  served = await serveApi({ CONTENT_TTL_MS: '0' }, { store });
  await graphql(served.url, '{ lessons { slug } }');
});
afterAll(() => served.close());

const nest = (depth: number) => `${'related { '.repeat(depth)}slug${' }'.repeat(depth)}`;

describe('query limits', () => {
  it.each([
    ['depth over 14', `{ concept(slug: "encoder") { ${nest(14)} } }`],
    [
      'a cost over 100,000 objects (lists multiply)',
      '{ concepts(first: 100) { edges { node { related(depth: 3) { related(depth: 3) { related(depth: 3) { slug } } } } } } }',
    ],
    [
      '31 aliases',
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: concept(slug: "encoder") { slug }`).join(' ')} }`,
    ],
    ['31 directives', `{ concept(slug: "encoder") { slug ${'@include(if: true) '.repeat(31)} } }`],
    ['over 3,000 tokens', `{ concept(slug: "encoder") { ${'slug '.repeat(3001)} } }`],
    [
      'a cost hidden in fragments',
      'fragment R on Concept { related(depth: 3) { related(depth: 3) { slug } } } { concepts(first: 100) { edges { node { related(depth: 3) { ...R } } } } }',
    ],
  ])('refuses %s with QUERY_TOO_COMPLEX, doing no store work', async (_name, query) => {
    const before = store.total();
    const answer = await graphql<any>(served.url, query);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(answer.data).toBeUndefined();
    expect(store.total()).toBe(before);
  });

  it('accepts what real clients ask, and those requests do reach the store', async () => {
    const before = store.total();
    const answer = await graphql<any>(
      served.url,
      '{ concepts(first: 50) { edges { node { slug term relations { kind concept { slug term relations { label concept { slug } } } } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.concepts.edges).toHaveLength(31);
    expect(store.total()).toBeGreaterThan(before);
  });

  it('keeps batching off and first capped', async () => {
    const batch = await request(`${served.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ lessons { slug } }' }, { query: '{ lessons { slug } }' }]),
    });
    expect(batch.status).toBe(400);
    const capped = await graphql<any>(served.url, '{ concepts(first: 1000) { totalCount } }');
    expect(capped.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/** POSTs raw bytes (see sendRaw) and reads the answer as text. */
async function postRaw(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  baseUrl = served.url,
): Promise<{ status: number; text: string; type?: string }> {
  const answer = await sendRaw(new URL(path, baseUrl).href, 'POST', headers, body);
  return {
    status: answer.status,
    text: answer.body.toString(),
    type: answer.headers['content-type'],
  };
}

describe('body size', () => {
  const big = Buffer.from(
    JSON.stringify({ query: `{ lessons { slug } }`, padding: 'x'.repeat(200 * 1024) }),
  );

  it('refuses a body over 100 KB by its declared length with a JSON 413', async () => {
    const answer = await postRaw('/graphql', big, {
      'content-type': 'application/json',
      'content-length': String(big.length),
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [
        {
          message: expect.stringMatching(/larger than 102400 bytes/),
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('refuses a chunked body over 100 KB with a JSON 413 too', async () => {
    const answer = await postRaw('/graphql', big, {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers REST paths with problem+json, and keeps serving', async () => {
    const answer = await postRaw('/v1/lessons', big, {
      'content-type': 'application/json',
      'content-length': String(big.length),
    });
    expect(answer.status).toBe(413);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    const health = await request(`${served.url}/healthz`);
    expect(health.status).toBe(200);
  });

  describe('with editor and admin tokens', () => {
    let writable: Awaited<ReturnType<typeof serveApi>>;
    beforeAll(async () => {
      writable = await serveApi({ API_TOKENS: TEST_API_TOKENS, MAX_WRITER_BODY_BYTES: '307200' });
    });
    afterAll(() => writable.close());

    const sized = (bytes: number) =>
      Buffer.from(
        JSON.stringify({
          query: 'query Padded($pad: ID!) { lessons { slug } concept(slug: $pad) { slug } }',
          variables: { pad: 'x'.repeat(bytes) },
        }),
      );
    const post = (body: Buffer, headers: Record<string, string>) =>
      postRaw(
        '/graphql',
        body,
        {
          'content-type': 'application/json',
          'content-length': String(body.length),
          ...headers,
        },
        writable.url,
      );

    it('lets a valid token send up to the writer limit, and nobody past it', async () => {
      const imports = sized(200 * 1024);
      const accepted = await post(imports, AS.editor);
      expect(accepted.status).toBe(200);
      expect(JSON.parse(accepted.text)).toEqual({
        data: { lessons: [{ slug: 'introduction-to-llms' }], concept: null },
      });

      const anonymous = await post(imports, {});
      expect(anonymous.status).toBe(413);
      expect(anonymous.text).toMatch(/larger than 102400 bytes/);

      const forged = await post(imports, { authorization: 'Bearer llmc_not-a-real-token' });
      expect(forged.status).toBe(413);

      const huge = await post(sized(400 * 1024), AS.admin);
      expect(huge.status).toBe(413);
      expect(huge.text).toMatch(/larger than 307200 bytes/);
    });
  });

  it('never reads a file for a traversal-looking slug', async () => {
    const answer = await graphql<any>(
      served.url,
      '{ concept(slug: "../../../../etc/passwd") { slug } lesson(slug: "..%2F..%2Fetc") { slug } }',
    );
    expect(answer).toMatchObject({ status: 200, data: { concept: null, lesson: null } });
  });
});
