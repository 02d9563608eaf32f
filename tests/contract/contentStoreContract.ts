// One contract, every store: the semantics the ContentStore port (src/store/contentStore.ts) promises.
import { ConflictError } from '../../src/errors.js';
import { bundleToWrites } from '../../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { defaultSeedDir } from '../../src/paths.js';
import type { ContentStore, DocumentWrite } from '../../src/store/contentStore.js';
import { category, concept } from '../helpers/contentFixtures.js';
import { defineOutboxContract } from './outboxContract.js';

/** Makes a fresh, empty store for one test. */
export type StoreFactory = () => Promise<ContentStore>;

const putConcept = (
  slug: string,
  expectedVersion?: number,
  aliases: string[] = [],
): DocumentWrite => ({
  op: 'put',
  collection: 'concepts',
  id: slug,
  data: concept(slug, 'k', { aliases }),
  ...(expectedVersion === undefined ? {} : { expectedVersion }),
});
const putCategory: DocumentWrite = {
  op: 'put',
  collection: 'categories',
  id: 'k',
  data: category('k', 1),
};

/** Defines the contract suite for a store. */
export function defineContentStoreContract(makeStore: StoreFactory): void {
  let store: ContentStore;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(() => store.close());

  defineOutboxContract(() => store);

  it('starts empty at revision 0', async () => {
    expect(await store.readRevision()).toBe(0);
    expect(await store.readChanges(0)).toMatchObject({ rev: 0, documents: [] });
  });

  it('creates documents at the next revision with version 1 and timestamps', async () => {
    const batch = await store.commit([putCategory, putConcept('a'), putConcept('b')]);
    expect(batch.rev).toBe(1);
    expect(await store.readRevision()).toBe(1);
    const { documents, rev } = await store.readChanges(0);
    expect(rev).toBe(1);
    const a = documents.find((d) => d.id === 'a')!;
    expect(a).toMatchObject({
      collection: 'concepts',
      rev: 1,
      version: 1,
      deleted: false,
      data: concept('a', 'k'),
    });
    expect(Date.parse(a.createdAt)).not.toBeNaN();
    expect(a.updatedAt).toBe(a.createdAt);
    expect(documents.map((d) => `${d.collection}/${d.id}`).sort()).toEqual([
      'categories/k',
      'concepts/a',
      'concepts/b',
    ]);
  });

  it('versions updates, keeps createdAt, and reads back exactly what was written', async () => {
    await store.commit([putConcept('a')]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const batch = await store.commit([putConcept('a', 1, ['Alias'])]);
    expect(batch.documents[0]).toMatchObject({ rev: 2, version: 2 });
    const [a] = (await store.readChanges(0)).documents;
    expect(a).toMatchObject({ rev: 2, version: 2, data: { aliases: ['Alias'] } });
    expect(a!.createdAt < a!.updatedAt).toBe(true);
  });

  it('leaves a tombstone on delete that deltas and full reads see', async () => {
    await store.commit([putConcept('a'), putConcept('b')]);
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'a', expectedVersion: 1 }]);
    const delta = await store.readChanges(1);
    expect(delta.rev).toBe(2);
    expect(delta.documents).toEqual([
      expect.objectContaining({ id: 'a', deleted: true, data: null, rev: 2, version: 2 }),
    ]);
    const full = (await store.readChanges(0)).documents.map((d) => [d.id, d.deleted]);
    expect(full.sort()).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('records when a document was first published, through unpublishing and deletion', async () => {
    const draft = (
      slug: string,
      status: 'DRAFT' | 'PUBLISHED',
      expectedVersion?: number,
    ): DocumentWrite => ({
      op: 'put',
      collection: 'concepts',
      id: slug,
      data: concept(slug, 'k', { status }),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    const created = await store.commit([draft('a', 'DRAFT'), draft('b', 'DRAFT'), putCategory]);
    expect(created.documents.find((d) => d.id === 'a')?.firstPublishedAt).toBeNull();
    // A category has no publication status: nothing to record.
    expect(created.documents.find((d) => d.id === 'k')).not.toHaveProperty('firstPublishedAt');
    const published = await store.commit([draft('a', 'PUBLISHED', 1)]);
    const at = published.documents[0]!.firstPublishedAt;
    expect(at).toBe(published.documents[0]!.updatedAt);
    await store.commit([draft('a', 'DRAFT', 2)]);
    await store.commit([
      { op: 'delete', collection: 'concepts', id: 'a', expectedVersion: 3 },
      { op: 'delete', collection: 'concepts', id: 'b', expectedVersion: 1 },
    ]);
    const stored = (await store.readChanges(0)).documents;
    expect(stored.find((d) => d.id === 'a')).toMatchObject({ deleted: true, firstPublishedAt: at });
    expect(stored.find((d) => d.id === 'b')).toMatchObject({
      deleted: true,
      firstPublishedAt: null,
    });
    const recreated = await store.commit([draft('a', 'DRAFT', 0)]);
    expect(recreated.documents[0]!.firstPublishedAt).toBe(at);
  });

  it('keeps one epoch for its whole history, unlike another store', async () => {
    const first = await store.commit([putConcept('a')]);
    const second = await store.commit([putConcept('b')]);
    expect(first.epoch).toMatch(/\S{8,}/);
    expect(second.epoch).toBe(first.epoch);
    expect((await store.readChanges(0)).epoch).toBe(first.epoch);
    const other = await makeStore();
    try {
      await other.commit([putConcept('a')]);
      expect((await other.readChanges(0)).epoch).not.toBe(first.epoch);
    } finally {
      await other.close();
    }
  });

  it('returns only what changed after a revision', async () => {
    await store.commit([putConcept('a'), putConcept('b'), putConcept('c')]);
    await store.commit([putConcept('b', 1, ['x'])]);
    await store.commit([putConcept('d', 0)]);
    expect((await store.readChanges(1)).documents.map((d) => d.id).sort()).toEqual(['b', 'd']);
    expect((await store.readChanges(2)).documents.map((d) => d.id)).toEqual(['d']);
    expect(await store.readChanges(3)).toMatchObject({ rev: 3, documents: [] });
  });

  it('fails a whole commit with CONFLICT and the current version when one expectation fails', async () => {
    await store.commit([putConcept('a'), putConcept('b')]);
    const attempt = store.commit([putConcept('a', 1, ['new']), putConcept('b', 5, ['new'])]);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({
      code: 'CONFLICT',
      currentVersion: 1,
      expectedVersion: 5,
    });
    expect(await store.readRevision()).toBe(1);
    const documents = (await store.readChanges(0)).documents;
    expect(
      documents.every(
        (d) => d.version === 1 && (d.data as { aliases: string[] }).aliases.length === 0,
      ),
    ).toBe(true);
  });

  it('treats expectedVersion 0 as "must not exist", and a deleted document as not existing', async () => {
    await store.commit([putConcept('a', 0)]);
    await expect(store.commit([putConcept('a', 0)])).rejects.toMatchObject({
      code: 'CONFLICT',
      currentVersion: 1,
    });
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'a', expectedVersion: 1 }]);
    await expect(store.commit([putConcept('a', 2)])).rejects.toMatchObject({
      currentVersion: null,
    });
    const recreated = await store.commit([putConcept('a', 0)]);
    expect(recreated.documents[0]).toMatchObject({ version: 3, deleted: false });
  });

  it('refuses a commit that writes one document twice, writing nothing', async () => {
    await expect(store.commit([putConcept('a'), putConcept('a')])).rejects.toThrow(/twice/);
    expect(await store.readRevision()).toBe(0);
  });

  it('lets exactly one of several concurrent commits with the same expected version win', async () => {
    await store.commit([putConcept('a')]);
    const attempts = Array.from({ length: 8 }, (_, i) =>
      store.commit([putConcept('a', 1, [`writer-${i}`])]),
    );
    const results = await Promise.allSettled(attempts);
    const winners = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    const losers = results.filter((r) => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.every((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toBe(
      true,
    );
    const [a] = (await store.readChanges(0)).documents;
    expect(a).toMatchObject({ version: 2, data: { aliases: [`writer-${winners[0]}`] } });
  });

  it('applies 20 concurrent commits to different documents, each once, at consecutive revisions', async () => {
    // Every commit writes the revision counter, so they all contend; none may be lost or fail.
    const batches = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.commit([putConcept(`c${i}`)])),
    );
    expect(batches.map((batch) => batch.rev).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const stored = (await store.readChanges(0)).documents.map((d) => d.id).sort();
    expect(stored).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`).sort());
  });

  it('records who wrote each document, and keeps every version as history, newest first', async () => {
    await store.commit([putConcept('a')], { actor: 'editor:1a2b3c4d5e6f' });
    await store.commit([putConcept('a', 1, ['second'])], { actor: 'admin:0f0f0f0f0f0f' });
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'a', expectedVersion: 2 }], {
      actor: 'admin:0f0f0f0f0f0f',
    });
    const [live] = (await store.readChanges(2)).documents;
    expect(live).toMatchObject({ version: 3, deleted: true, updatedBy: 'admin:0f0f0f0f0f0f' });
    const history = await store.readHistory('concepts', 'a', 10);
    expect(history.map((d) => [d.version, d.deleted, d.updatedBy])).toEqual([
      [3, true, 'admin:0f0f0f0f0f0f'],
      [2, false, 'admin:0f0f0f0f0f0f'],
      [1, false, 'editor:1a2b3c4d5e6f'],
    ]);
    expect(history[1]!.data).toMatchObject({ aliases: ['second'] });
    expect((await store.readHistory('concepts', 'a', 2)).map((d) => d.version)).toEqual([3, 2]);
    expect(await store.readHistory('concepts', 'never-written', 5)).toEqual([]);
  });

  it('checks inside the commit that required documents exist, writing nothing otherwise', async () => {
    await store.commit([putCategory, putConcept('a')]);
    const relation: DocumentWrite = {
      op: 'put',
      collection: 'relations',
      id: 'a__USES__b',
      data: { from: 'a', kind: 'USES', to: 'b' },
      expectedVersion: 0,
    };
    const requireEnds = {
      requireExisting: [
        { collection: 'concepts' as const, id: 'a' },
        { collection: 'concepts' as const, id: 'b' },
      ],
    };
    await expect(store.commit([relation], requireEnds)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/concepts\/b/),
    });
    expect(await store.readRevision()).toBe(1);
    await store.commit([putConcept('b')]);
    await expect(store.commit([relation], requireEnds)).resolves.toMatchObject({ rev: 3 });
    await store.commit([{ op: 'delete', collection: 'concepts', id: 'b' }]);
    await expect(
      store.commit(
        [{ ...relation, id: 'b__USES__a', data: { from: 'b', kind: 'USES', to: 'a' } }],
        requireEnds,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stores the whole course and reads it back unchanged (tables, nested lists, comparisons)', async () => {
    const bundle = await loadSeedDirectory(defaultSeedDir());
    const writes = bundleToWrites(bundle);
    await store.commit(writes);
    const { documents } = await store.readChanges(0);
    expect(documents).toHaveLength(writes.length);
    const byKey = new Map(documents.map((d) => [`${d.collection}/${d.id}`, d.data]));
    for (const write of writes) {
      expect(byKey.get(`${write.collection}/${write.id}`)).toEqual(
        write.op === 'put' ? write.data : null,
      );
    }
  });
}
