// The outbox relay on the memory store: pages in order, marks only what was accepted, resumes
// after a failed publish without losing an event.
import { relayOutbox } from '../../src/events/relay.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { category } from '../helpers/contentFixtures.js';
import { RecordingPublisher } from '../helpers/recordingPublisher.js';

const putCategory = (slug: string, order: number): DocumentWrite => ({
  op: 'put',
  collection: 'categories',
  id: slug,
  data: category(slug, order),
});

/** A store with `commits` commits of two categories each: 2 × commits events. */
async function storeWithCommits(commits: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (let i = 0; i < commits; i++) {
    await store.commit([putCategory(`a${i}`, i), putCategory(`b${i}`, i)]);
  }
  return store;
}

async function allEvents(store: MemoryStore) {
  return (await store.readEvents(null, 1000)).events;
}

describe('relayOutbox', () => {
  it('publishes every event in outbox order, page by page, and marks the last one', async () => {
    const store = await storeWithCommits(5);
    const publisher = new RecordingPublisher();
    const result = await relayOutbox(store, publisher, { batchSize: 3 });
    const events = await allEvents(store);
    expect(events).toHaveLength(10);
    expect(publisher.accepted.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(publisher.calls.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect(result).toEqual({ published: 10, position: events.at(-1)!.position });
    expect(await store.readRelayPosition()).toBe(events.at(-1)!.position);
  });

  it('publishes only what came after the relay position', async () => {
    const store = await storeWithCommits(2);
    const publisher = new RecordingPublisher();
    await relayOutbox(store, publisher, { batchSize: 10 });
    await store.commit([putCategory('late', 9)]);
    const second = new RecordingPublisher();
    const result = await relayOutbox(store, second, { batchSize: 10 });
    expect(second.accepted.map((e) => e.documentId)).toEqual(['late']);
    expect(result.published).toBe(1);
  });

  it('does nothing on an empty outbox and reports no position', async () => {
    const publisher = new RecordingPublisher();
    expect(await relayOutbox(new MemoryStore(), publisher, { batchSize: 5 })).toEqual({
      published: 0,
      position: null,
    });
    expect(publisher.calls).toEqual([]);
  });

  it('stops after maxBatches pages; the next run goes on from there', async () => {
    const store = await storeWithCommits(5);
    const publisher = new RecordingPublisher();
    const first = await relayOutbox(store, publisher, { batchSize: 2, maxBatches: 2 });
    expect(first.published).toBe(4);
    const events = await allEvents(store);
    expect(first.position).toBe(events[3]!.position);
    const second = await relayOutbox(store, publisher, { batchSize: 2, maxBatches: 10 });
    expect(second.published).toBe(6);
    expect(publisher.accepted.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('keeps the position before a page whose publish failed; the next run publishes it: nothing lost', async () => {
    const store = await storeWithCommits(4);
    const events = await allEvents(store);
    const publisher = new RecordingPublisher();
    // Accepts the first page (3) and one event of the second, then fails mid-page.
    publisher.failAfter(4);
    await expect(relayOutbox(store, publisher, { batchSize: 3 })).rejects.toThrow('unavailable');
    expect(await store.readRelayPosition()).toBe(events[2]!.position);

    publisher.heal();
    const retry = await relayOutbox(store, publisher, { batchSize: 3 });
    expect(retry).toEqual({ published: 5, position: events.at(-1)!.position });
    // Every event arrived; the one accepted before the failure arrived twice (a duplicate).
    const ids = publisher.accepted.map((e) => e.id);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
    expect(ids).toHaveLength(events.length + 1);
    expect(ids.filter((id) => id === events[3]!.id)).toHaveLength(2);
  });

  it('never moves the position when the very first page fails', async () => {
    const store = await storeWithCommits(1);
    const publisher = new RecordingPublisher();
    publisher.failAfter(0);
    await expect(relayOutbox(store, publisher, { batchSize: 5 })).rejects.toThrow();
    expect(await store.readRelayPosition()).toBeNull();
  });
});
