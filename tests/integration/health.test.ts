// /healthz and reads when the store is unreachable: reads keep answering from the snapshot,
// health says stale; with no snapshot at all, both answer 503 UNAVAILABLE.
import {
  bundle,
  category,
  concept,
  CountingStore,
  memoryStoreWith,
} from '../helpers/contentFixtures.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';

const content = bundle({ categories: [category('k', 1)], concepts: [concept('only', 'k')] });
const waitForBackgroundCheck = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('when the store goes away after the first load', () => {
  let store: CountingStore;
  let served: Awaited<ReturnType<typeof serveApi>>;
  beforeAll(async () => {
    store = new CountingStore(await memoryStoreWith(content));
    served = await serveApi({ CONTENT_TTL_MS: '0' }, { store });
  });
  afterAll(() => served.close());

  it('keeps answering reads, reports the store unreachable, and recovers', async () => {
    expect((await request(`${served.url}/healthz`)).json).toMatchObject({ status: 'ok' });
    store.failure = new Error('UNAVAILABLE: connection refused');
    await request(`${served.url}/healthz`);
    await waitForBackgroundCheck();
    const health = await request(`${served.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({
      status: 'stale',
      store: { kind: 'memory', reachable: false },
      content: { rev: 1 },
    });
    expect(health.text).not.toMatch(/connection refused/); // the cause is logged, not published
    const read = await graphql<any>(served.url, '{ concept(slug: "only") { slug } }');
    expect(read.data).toEqual({ concept: { slug: 'only' } });

    store.failure = undefined;
    await request(`${served.url}/healthz`);
    await waitForBackgroundCheck();
    expect((await request(`${served.url}/healthz`)).json).toMatchObject({
      status: 'ok',
      store: { reachable: true },
    });
  });
});

describe('when the store is unreachable from the start', () => {
  let served: Awaited<ReturnType<typeof serveApi>>;
  beforeAll(async () => {
    const store = new CountingStore(await memoryStoreWith(content));
    store.failure = new Error('down');
    served = await serveApi({}, { store });
  });
  afterAll(() => served.close());

  it('answers 503 UNAVAILABLE on reads and health', async () => {
    const health = await request(`${served.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.json).toMatchObject({ status: 'unavailable', content: { rev: null } });
    const read = await graphql<any>(served.url, '{ concept(slug: "only") { slug } }');
    expect(read.status).toBe(503);
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
  });
});
