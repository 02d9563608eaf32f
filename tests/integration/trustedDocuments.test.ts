// PERSISTED_DOCUMENTS_ONLY: anonymous callers may run only the manifest's documents (by text or
// by persisted-query hash, over POST and GET, at the process's door and behind Express); token
// holders may send any document; a bad token is still UNAUTHENTICATED; the mode is off by
// default; a deployment whose manifest is missing does not start.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { documentHash } from '../../src/graphql/trustedDocuments.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { ADMIN_TOKEN, TEST_API_TOKENS } from '../helpers/tokens.js';

const TRUSTED = 'query Glossary { glossary(locale: KO) { initial } }';
const OTHER = '{ concept(slug: "encoder") { term } }';

async function post(url: string, body: object, token?: string) {
  return request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

const persisted = (document: string) => ({
  extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(document) } },
});

describe('PERSISTED_DOCUMENTS_ONLY', () => {
  let dir: string;
  let manifest: string;
  let served: Awaited<ReturnType<typeof serveApi>>;
  let open: Awaited<ReturnType<typeof serveApi>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trusted-'));
    manifest = join(dir, 'persisted-documents.json');
    await writeFile(manifest, JSON.stringify({ [documentHash(TRUSTED)]: TRUSTED }));
    [served, open] = await Promise.all([
      serveApi({
        PERSISTED_DOCUMENTS_ONLY: 'true',
        PERSISTED_DOCUMENTS_FILE: manifest,
        API_TOKENS: TEST_API_TOKENS,
      }),
      serveApi({ PERSISTED_DOCUMENTS_FILE: manifest }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([served?.close(), open?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it("runs the manifest's documents for anonymous callers, by text, over POST and GET", async () => {
    const byPost = await post(served.url, { query: TRUSTED });
    expect(byPost.status).toBe(200);
    expect(byPost.json).toMatchObject({ data: { glossary: expect.any(Array) } });
    const byGet = await request(`${served.url}/graphql?query=${encodeURIComponent(TRUSTED)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(byGet.status).toBe(200);
  });

  it('refuses any other document for anonymous callers, with its code and no internals', async () => {
    for (let i = 0; i < 2; i++) {
      const refused = await post(served.url, { query: OTHER });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({
        errors: [{ extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED' } }],
      });
    }
    const byGet = await request(`${served.url}/graphql?query=${encodeURIComponent(OTHER)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(byGet.status).toBe(400);
    expect(byGet.text).toContain('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('takes persisted-query hashes of trusted documents only (the text once, then the hash alone)', async () => {
    const first = await post(served.url, persisted(TRUSTED));
    expect(first.json).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    });
    expect((await post(served.url, { query: TRUSTED, ...persisted(TRUSTED) })).status).toBe(200);
    const byHash = await post(served.url, persisted(TRUSTED));
    expect(byHash.json).toMatchObject({ data: { glossary: expect.any(Array) } });
    const untrusted = await post(served.url, persisted(OTHER));
    expect(untrusted.json).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED' } }],
    });
  });

  it('lets a token holder send any document, and never opens it to anonymous callers after', async () => {
    const admin = await post(served.url, { query: OTHER }, ADMIN_TOKEN);
    expect(admin.status).toBe(200);
    expect(admin.json).toMatchObject({ data: { concept: { term: expect.any(String) } } });
    // The document is now one Apollo has validated, which the fast path at the door would
    // answer: the door must refuse it to anonymous callers as the guard does.
    const anonymous = await post(served.url, { query: OTHER });
    expect(anonymous.status).toBe(400);
    expect(anonymous.text).toContain('PERSISTED_DOCUMENT_REQUIRED');
    const badToken = await post(served.url, { query: OTHER }, 'not-a-token');
    expect(badToken.status).toBe(401);
    expect(badToken.text).toContain('UNAUTHENTICATED');
  });

  it('is off by default: any document runs', async () => {
    const answer = await post(open.url, { query: OTHER });
    expect(answer.status).toBe(200);
  });

  it('stops the start when the manifest is missing or does not hash to its keys', async () => {
    const missing = join(dir, 'absent.json');
    expect(() =>
      createApi(
        loadConfig({ PERSISTED_DOCUMENTS_ONLY: 'true', PERSISTED_DOCUMENTS_FILE: missing }),
      ),
    ).toThrow(/PERSISTED_DOCUMENTS_ONLY is on, but the manifest .*absent\.json cannot be used/);
    const forged = join(dir, 'forged.json');
    await writeFile(forged, JSON.stringify({ [documentHash(TRUSTED)]: OTHER }));
    expect(() =>
      createApi(loadConfig({ PERSISTED_DOCUMENTS_ONLY: 'true', PERSISTED_DOCUMENTS_FILE: forged })),
    ).toThrow(/does not hash to its key/);
  });
});
