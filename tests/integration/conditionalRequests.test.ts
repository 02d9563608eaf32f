// A client that revalidates with its ETag gets 304, also when it sends `Cache-Control: no-cache`
// beside it: Node's own `fetch` (like a browser's, with a manual If-None-Match) adds that header
// by itself, and `no-cache` asks for validation by the origin, which a 304 is (RFC 9111
// §5.2.1.4). Sent with Node's `fetch`, for REST and GraphQL GET, live and from the response cache.
import { serveApi, type ServedFunction } from '../helpers/httpServer.js';

// Two instances: one answering live (no response cache), one with the response cache, whose
// kept answers are validated at the process's front door.
const instances: Record<string, ServedFunction> = {};
beforeAll(async () => {
  instances.live = await serveApi({ RESPONSE_CACHE_BYTES: '0' });
  instances.cached = await serveApi();
});
afterAll(async () => {
  for (const served of Object.values(instances)) await served.close();
});

const GRAPHQL_GET = `/graphql?query=${encodeURIComponent('{ concept(slug: "transformer") { slug term } }')}`;

describe.each([
  ['REST', 'live', '/v1/concepts/transformer?locale=en'],
  ['REST', 'cached', '/v1/concepts/transformer?locale=en'],
  ['GraphQL GET', 'live', GRAPHQL_GET],
  ['GraphQL GET', 'cached', GRAPHQL_GET],
])('%s, %s', (_face, instance, path) => {
  const url = () => `${instances[instance]!.url}${path}`;
  it.each([
    ['If-None-Match alone (fetch adds no-cache itself)', {}],
    ['If-None-Match with an explicit Cache-Control: no-cache', { 'cache-control': 'no-cache' }],
    [
      'If-None-Match with Pragma and Cache-Control: no-cache',
      { 'cache-control': 'no-cache', pragma: 'no-cache' },
    ],
  ])('answers 304 to %s', async (_case, extra) => {
    // Apollo refuses a GET without a preflight-forcing header (CSRF prevention).
    const headers = { 'apollo-require-preflight': 'true', ...extra };
    const first = await fetch(url(), { headers });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"/);
    await first.arrayBuffer();
    for (let attempt = 0; attempt < 2; attempt++) {
      const again = await fetch(url(), {
        headers: { ...headers, 'if-none-match': etag! },
      });
      expect({ attempt, status: again.status }).toEqual({ attempt, status: 304 });
      expect(await again.text()).toBe('');
    }
  });

  it('still answers 200 with the body when the ETag does not match', async () => {
    const answer = await fetch(url(), {
      headers: {
        'apollo-require-preflight': 'true',
        'if-none-match': 'W/"stale"',
        'cache-control': 'no-cache',
      },
    });
    expect(answer.status).toBe(200);
    expect((await answer.text()).length).toBeGreaterThan(0);
  });
});
