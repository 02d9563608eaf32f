// The memory store's write semantics: revisions, versions, tombstones, atomic conflicts.
import { ConflictError } from '../../src/errors.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { category, concept } from '../helpers/contentFixtures.js';

const put = (slug: string, expectedVersion?: number) => ({
  op: 'put' as const,
  collection: 'concepts' as const,
  id: slug,
  data: concept(slug, 'fundamentals'),
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
});

describe('MemoryStore', () => {
  it('moves the revision once per commit and versions each document', async () => {
    const store = new MemoryStore(() => new Date('2026-01-01T00:00:00Z'));
    expect(await store.readRevision()).toBe(0);
    const first = await store.commit([put('a'), put('b')]);
    expect(first.rev).toBe(1);
    expect(first.documents.map((d) => [d.id, d.rev, d.version])).toEqual([
      ['a', 1, 1],
      ['b', 1, 1],
    ]);
    const second = await store.commit([put('a', 1)]);
    expect(second.documents[0]).toMatchObject({
      id: 'a',
      rev: 2,
      version: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await store.readRevision()).toBe(2);
  });

  it('returns only documents written after a revision, tombstones included', async () => {
    const store = new MemoryStore();
    await store.commit([
      put('a'),
      put('b'),
      { op: 'put', collection: 'categories', id: 'c', data: category('c', 1) },
    ]);
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'a' }]);
    const delta = await store.readChanges(1);
    expect(delta.rev).toBe(2);
    expect(delta.documents).toEqual([
      expect.objectContaining({
        collection: 'concepts',
        id: 'a',
        deleted: true,
        data: null,
        rev: 2,
        version: 2,
      }),
    ]);
    const full = await store.readChanges(0);
    // A full read has the tombstone too: sync must know what was deleted.
    expect(full.documents.map((d) => [d.id, d.deleted]).sort()).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
  });

  it('fails a whole commit with CONFLICT when one expected version does not match', async () => {
    const store = new MemoryStore();
    await store.commit([put('a'), put('b')]);
    const attempt = store.commit([put('a', 1), put('b', 7)]);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'CONFLICT',
      expectedVersion: 7,
      currentVersion: 1,
    });
    expect(await store.readRevision()).toBe(1);
    const { documents } = await store.readChanges(0);
    expect(documents.every((d) => d.version === 1)).toBe(true);
  });

  it('treats a deleted document as having no version', async () => {
    const store = new MemoryStore();
    await store.commit([put('a')]);
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'a', expectedVersion: 1 }]);
    await expect(store.commit([put('a', 2)])).rejects.toMatchObject({ currentVersion: null });
  });

  it('hands out frozen documents: callers cannot change stored documents', async () => {
    const store = new MemoryStore();
    const { documents } = await store.commit([put('a')]);
    expect(() => {
      (documents[0]!.data as { slug: string }).slug = 'mutated';
    }).toThrow(TypeError);
    const { documents: again } = await store.readChanges(0);
    expect((again[0]!.data as { slug: string }).slug).toBe('a');
    expect(() => {
      (again[0]!.data as { slug: string }).slug = 'mutated';
    }).toThrow(TypeError);
  });

  it('adopts documents whole, each its own history until it is written', async () => {
    const source = new MemoryStore(() => new Date('2026-01-01T00:00:00Z'));
    await source.commit([put('a'), put('b')]);
    await source.commit([put('c')]);
    const { documents } = await source.readChanges(0);

    const refused = new MemoryStore();
    expect(() => refused.adopt([...documents, documents[0]!])).toThrow(/given twice/);
    expect(() => refused.adopt([documents[2]!, documents[0]!])).toThrow(/out of commit order/);
    expect(await refused.readChanges(0)).toMatchObject({ rev: 0, documents: [] });

    const store = new MemoryStore(() => new Date('2026-01-02T00:00:00Z'));
    store.adopt(structuredClone(documents));
    expect(await store.readRevision()).toBe(2);
    expect((await store.readHistory('concepts', 'a', 10)).map((d) => d.version)).toEqual([1]);
    expect(await store.readHistory('concepts', 'missing', 10)).toEqual([]);
    await store.commit([put('a', 1)]);
    await store.commit([put('a', 2)]);
    await store.commit([put('d')]);
    expect((await store.readHistory('concepts', 'a', 10)).map((d) => d.version)).toEqual([3, 2, 1]);
    expect((await store.readHistory('concepts', 'b', 10)).map((d) => d.version)).toEqual([1]);
    expect((await store.readHistory('concepts', 'd', 10)).map((d) => d.version)).toEqual([1]);
  });
});
