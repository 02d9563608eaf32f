// GET /graphql from a browser opens the explorer; everything a GraphQL client sends is answered
// as before. On in development, off in production unless GRAPHQL_EXPLORER says so; its assets
// are immutable files under /explorer/assets, its page revalidated, both under a strict CSP.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { request, serveApi } from '../helpers/httpServer.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the explorer at /graphql', () => {
  let served: Awaited<ReturnType<typeof serveApi>>;
  let production: Awaited<ReturnType<typeof serveApi>>;
  let productionOn: Awaited<ReturnType<typeof serveApi>>;
  beforeAll(async () => {
    [served, production, productionOn] = await Promise.all([
      serveApi({}),
      serveApi({ NODE_ENV: 'production' }),
      serveApi({ NODE_ENV: 'production', GRAPHQL_EXPLORER: 'true' }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([served?.close(), production?.close(), productionOn?.close()]);
  });

  it("answers a browser's GET with the page, revalidated, under a strict CSP, varying on Accept", async () => {
    const page = await request(`${served.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.text).toMatch(
      /<script type="module" crossorigin src="\/explorer\/assets\/index-[\w-]+\.js">/,
    );
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('vary')).toMatch(/\bAccept\b/);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('serves its hashed assets as immutable, and a missing one as a JSON 404', async () => {
    const [asset] = readdirSync(join(projectRoot(), 'dist', 'explorer', 'assets')).filter((f) =>
      f.endsWith('.js'),
    );
    const file = await request(`${served.url}/explorer/assets/${asset}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await request(`${served.url}/explorer/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers GraphQL clients as before: a query in the URL, JSON first, or no Accept', async () => {
    const query = encodeURIComponent('{ glossary(locale: KO) { initial } }');
    const withQuery = await request(`${served.url}/graphql?query=${query}`, {
      headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    expect(withQuery.status).toBe(200);
    expect(withQuery.json).toMatchObject({ data: { glossary: expect.any(Array) } });
    for (const accept of ['application/json', '*/*', undefined]) {
      const answer = await request(`${served.url}/graphql`, {
        headers: accept ? { accept } : {},
      });
      expect(answer.headers.get('content-type')).toMatch(/json/);
      expect(answer.status).toBe(400);
    }
  });

  it('is off in production unless GRAPHQL_EXPLORER turns it on', async () => {
    const off = await request(`${production.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(off.headers.get('content-type')).toMatch(/json/);
    expect((await request(`${production.url}/explorer/assets/x.js`)).status).toBe(404);
    const on = await request(`${productionOn.url}/graphql`, {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(on.status).toBe(200);
    expect(on.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
