/**
 * The course the build stores (src/seed/storedCourse.ts) and a start adopts in one step
 * (MemoryStore.adopt) is the state importing it leaves, events included.
 */
import { defaultSeedDir } from '../../src/paths.js';
import { importBundle } from '../../src/seed/importSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { storedCourse } from '../../src/seed/storedCourse.js';
import type { ChangeEvent } from '../../src/domain/changeEvent.js';
import { MemoryStore } from '../../src/store/memoryStore.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const bundle = loadSeedDirectory(defaultSeedDir());

// Events without their ids (a hash of the store's epoch, new in every store).
const withoutIds = (events: ChangeEvent[]) => events.map(({ id: _id, ...event }) => event);

async function adopted(): Promise<MemoryStore> {
  const store = new MemoryStore();
  store.adopt(JSON.parse(JSON.stringify(await storedCourse(await bundle, NOW))));
  return store;
}

describe('storedCourse and MemoryStore.adopt', () => {
  it('leave the documents, revision and history an import at the same time leaves', async () => {
    const imported = new MemoryStore(() => NOW);
    await importBundle(imported, await bundle);
    const store = await adopted();
    const expected = await imported.readChanges(0);
    expect(expected.documents.length).toBeGreaterThan(70);
    const byKey = (docs: typeof expected.documents) =>
      Object.fromEntries(docs.map((doc) => [`${doc.collection}/${doc.id}`, doc]));
    // Imports commit in their own batches: the same documents, stamps and records, with
    // revisions of their own.
    const unrevised = (docs: typeof expected.documents) =>
      Object.values(byKey(docs)).map(({ rev: _rev, localeRevs: _revs, ...doc }) => doc);
    const actual = await store.readChanges(0);
    expect(unrevised(actual.documents)).toEqual(unrevised(expected.documents));
    expect(await store.readHistory('concepts', 'encoder', 10)).toEqual([
      byKey(actual.documents)['concepts/encoder'],
    ]);
  });

  it('leave what restoring the course at start-up left, its outbox too', async () => {
    const restored = new MemoryStore(() => NOW);
    const { restoreContent } = await import('../../src/seed/restoreContent.js');
    const { finalRecords } = await import('../../src/seed/storedCourse.js');
    await restoreContent(restored, await bundle, finalRecords(await bundle, NOW.toISOString()));
    const store = await adopted();
    expect(await store.readRevision()).toBe(await restored.readRevision());
    expect((await store.readChanges(0)).documents).toEqual(
      (await restored.readChanges(0)).documents,
    );
    const events = await store.readEvents(null, 10_000);
    expect(events.events.length).toBeGreaterThan(70);
    expect(withoutIds(events.events)).toEqual(
      withoutIds((await restored.readEvents(null, 10_000)).events),
    );
    // The same event is read under the same id every time.
    expect((await store.readEvents(null, 10_000)).events).toEqual(events.events);
  });

  it('makes the events of every commit adopted, each at its position within its commit', async () => {
    const committed = new MemoryStore(() => NOW);
    const documents = (await storedCourse(await bundle, NOW)).slice(0, 20);
    for (let i = 0; i < documents.length; i += 7) {
      await committed.commit(
        documents.slice(i, i + 7).map((doc) => ({
          op: 'put',
          collection: doc.collection,
          id: doc.id,
          data: doc.data,
          translation: { restored: doc.translations },
        })) as Parameters<MemoryStore['commit']>[0],
      );
    }
    const store = new MemoryStore();
    store.adopt(structuredClone((await committed.readChanges(0)).documents));
    expect(await store.readRevision()).toBe(3);
    const events = (await store.readEvents(null, 100)).events;
    expect(events.map((event) => event.position).slice(6, 8)).toEqual([
      '000000000001-000006',
      '000000000002-000000',
    ]);
    expect(withoutIds(events)).toEqual(withoutIds((await committed.readEvents(null, 100)).events));
  });

  it('makes the adopted events only for a read that reaches back to them, and places them first', async () => {
    const store = await adopted();
    const rev = await store.readRevision();
    const [last] = (await adopted().then((other) => other.readEvents(null, 10_000))).events.slice(
      -1,
    );
    await store.commit([
      { op: 'delete', collection: 'concepts', id: 'encoder', expectedVersion: 1 },
    ]);
    const after = await store.readEvents(last!.position, 10);
    expect(after.events.map((event) => [event.rev, event.documentId])).toEqual([
      [rev + 1, 'encoder'],
    ]);
    const all = (await store.readEvents(null, 10_000)).events;
    expect(all.map((event) => event.position)).toEqual(all.map((event) => event.position).sort());
    expect(all.slice(-2).map((event) => [event.rev, event.documentId, event.action])).toEqual([
      [last!.rev, last!.documentId, 'created'],
      [rev + 1, 'encoder', 'deleted'],
    ]);
  });

  it('refuses a store that is not empty, a document given twice and documents out of commit order', async () => {
    const documents = (await storedCourse(await bundle, NOW)).map((doc) => ({ ...doc }));
    const store = await adopted();
    expect(() => store.adopt([])).toThrow(/not empty/);
    expect(() => new MemoryStore().adopt([documents[0]!, documents[0]!])).toThrow(/twice/);
    const later = { ...documents[1]!, rev: documents[0]!.rev + 1 };
    expect(() => new MemoryStore().adopt([later, documents[0]!])).toThrow(/commit order/);
    const refused = new MemoryStore();
    expect(() => refused.adopt([documents[0]!, documents[0]!])).toThrow();
    expect(await refused.readRevision()).toBe(0);
    expect((await refused.readChanges(0)).documents).toEqual([]);
  });
});
