// The read model follows the store: zero store calls at steady state, deltas after a change,
// one check per TTL, stale-while-revalidate, and the last snapshot kept when the store is down.
import { ReadModel } from '../../src/content/readModel.js';
import {
  bundle,
  category,
  concept,
  CountingStore,
  memoryStoreWith,
} from '../helpers/contentFixtures.js';

const TTL = 1000;

async function setup() {
  const content = bundle({
    categories: [category('k', 1)],
    concepts: Array.from({ length: 50 }, (_, i) => concept(`c-${i}`, 'k')),
  });
  const store = new CountingStore(await memoryStoreWith(content));
  let now = 0;
  const clock = {
    advance: (ms: number) => {
      now += ms;
    },
  };
  const cache = new ReadModel(store, { ttlMs: TTL, now: () => now });
  return { store, cache, clock };
}

// Lets a background refresh started by current() finish.
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadModel', () => {
  it('loads everything once, then serves from memory without asking the store', async () => {
    const { store, cache, clock } = await setup();
    const first = await cache.current();
    expect(first.public.concepts).toHaveLength(50);
    expect(store.calls).toEqual({
      readRevision: 0,
      readChanges: 1,
      commit: 0,
      readHistory: 0,
      readEvents: 0,
    });
    const callsAfterLoad = store.total();
    for (let i = 0; i < 100; i++) {
      clock.advance(5);
      expect(await cache.current()).toBe(first);
    }
    expect(store.total()).toBe(callsAfterLoad);
  });

  it('checks the revision at most once per TTL and reads nothing more when it has not moved', async () => {
    const { store, cache, clock } = await setup();
    await cache.current();
    clock.advance(TTL);
    await cache.current();
    await cache.current();
    await settle();
    expect(store.calls.readRevision).toBe(1);
    expect(store.calls.readChanges).toBe(1);
  });

  it('after one concept changes, reads only that document, and serves it from the next request', async () => {
    const { store, cache, clock } = await setup();
    const before = await cache.current();
    await store.commit([
      {
        op: 'put',
        collection: 'concepts',
        id: 'c-7',
        data: concept('c-7', 'k', { aliases: ['NEW'] }),
      },
    ]);
    const readBefore = store.documentsRead;
    clock.advance(TTL);
    // Stale-while-revalidate: the request that notices the TTL is still served the old snapshot …
    expect(await cache.current()).toBe(before);
    await settle();
    // … and the next one gets the new revision.
    const after = await cache.current();
    expect(after.rev).toBe(before.rev + 1);
    expect(after.public.concept('c-7')?.aliases).toEqual(['NEW']);
    expect(after.public.concept('c-7')?.version).toBe(2);
    expect(store.documentsRead - readBefore).toBe(1);
    // Unchanged collections are shared, not copied.
    expect(after.documents.categories).toBe(before.documents.categories);
  });

  it('applies deletions from tombstones', async () => {
    const { store, cache } = await setup();
    await cache.current();
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'c-3' }]);
    const after = await cache.refresh();
    expect(after.public.concept('c-3')).toBeUndefined();
    expect(after.public.concepts).toHaveLength(49);
  });

  it('shares one refresh among concurrent callers', async () => {
    const { store, cache } = await setup();
    await cache.current();
    await Promise.all(Array.from({ length: 10 }, () => cache.refresh()));
    expect(store.calls.readRevision).toBe(1);
  });

  it('keeps serving the last snapshot while the store is down, reports it, and catches up', async () => {
    const { store, cache, clock } = await setup();
    const snapshot = await cache.current();
    store.failure = new Error('connection refused');
    clock.advance(TTL);
    expect(await cache.current()).toBe(snapshot);
    await settle();
    expect(cache.status()).toMatchObject({
      rev: snapshot.rev,
      storeReachable: false,
      lastError: 'connection refused',
    });
    // Retries at most once per TTL, not on every request.
    const attempts = store.calls.readRevision;
    await cache.current();
    await cache.current();
    expect(store.calls.readRevision).toBe(attempts);
    clock.advance(3 * TTL);
    await cache.current();
    await settle();
    expect(cache.status().stale).toBe(true);

    store.failure = undefined;
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'c-1' }]);
    clock.advance(TTL);
    await cache.current();
    await settle();
    expect(cache.status()).toMatchObject({
      rev: snapshot.rev + 1,
      storeReachable: true,
      stale: false,
      lastError: null,
    });
    expect((await cache.current()).public.concept('c-1')).toBeUndefined();
  });

  it('fails the first load when the store is down, and succeeds once it is back', async () => {
    const { store, cache } = await setup();
    store.failure = new Error('down');
    await expect(cache.current()).rejects.toThrow('down');
    expect(cache.status()).toMatchObject({ rev: null, stale: true, storeReachable: false });
    store.failure = undefined;
    expect((await cache.current()).public.concepts).toHaveLength(50);
  });
});
