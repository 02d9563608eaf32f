// The outbox half of the store contract: every commit writes one change event per document in
// the same transaction, a failed commit writes none, the feed pages in commit order, and the
// relay's position only moves forward. Run by every store through defineContentStoreContract.
import { changeEventSchema, type ChangeEvent } from '../../src/domain/changeEvent.js';
import type { ContentStore, DocumentWrite } from '../../src/store/contentStore.js';
import { category, concept } from '../helpers/contentFixtures.js';

const putCategory: DocumentWrite = {
  op: 'put',
  collection: 'categories',
  id: 'k',
  data: category('k', 1),
};

function putConcept(
  slug: string,
  status: 'DRAFT' | 'PUBLISHED',
  expectedVersion?: number,
  overrides: Parameters<typeof concept>[2] = {},
): DocumentWrite {
  return {
    op: 'put',
    collection: 'concepts',
    id: slug,
    data: concept(slug, 'k', { status, ...overrides }),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  };
}

/** Defines the outbox contract for the store `current()` returns (fresh and empty per test). */
export function defineOutboxContract(current: () => ContentStore): void {
  describe('the outbox', () => {
    it('writes one event per document of a commit, with what happened and nothing of the content', async () => {
      const store = current();
      await store.commit([putCategory, putConcept('a', 'DRAFT')], { actor: 'editor:abc123' });
      const { events, epoch } = await store.readEvents(null, 10);
      expect(epoch).not.toBe('');
      expect(events).toHaveLength(2);
      for (const event of events) expect(changeEventSchema.parse(event)).toEqual(event);
      expect(events[1]).toMatchObject({
        position: '000000000001-000001',
        rev: 1,
        type: 'concept',
        documentId: 'a',
        version: 1,
        action: 'created',
        locales: ['ko', 'en'],
        status: 'DRAFT',
        translation: null,
        actor: 'editor:abc123',
      });
      expect(events[0]).toMatchObject({ type: 'category', documentId: 'k', status: null });
      expect(new Set(events.map((event) => event.id)).size).toBe(2);
      expect(JSON.stringify(events)).not.toContain('a 정의'); // ids and versions, not content
    });

    it('names each action: published, updated with the locales it changed, unpublished, deleted', async () => {
      const store = current();
      await store.commit([putCategory, putConcept('a', 'DRAFT')]);
      await store.commit([putConcept('a', 'PUBLISHED', 1)]);
      // A Korean typo fix that keeps the English current: English readers see nothing new.
      await store.commit([
        {
          ...putConcept('a', 'PUBLISHED', 2, { definition: { ko: '정의 a', en: 'a definition' } }),
          translation: { keepCurrent: true },
        } as DocumentWrite,
      ]);
      // Unpublished with a Korean change that outdates the English.
      await store.commit([
        putConcept('a', 'DRAFT', 3, { definition: { ko: '새 정의', en: 'a definition' } }),
      ]);
      await store.commit([{ op: 'delete', collection: 'concepts', id: 'a', expectedVersion: 4 }]);
      const { events } = await store.readEvents('000000000001-000001', 10);
      expect(events.map((e) => [e.rev, e.action, e.version, e.status])).toEqual([
        [2, 'published', 2, 'PUBLISHED'],
        [3, 'updated', 3, 'PUBLISHED'],
        [4, 'unpublished', 4, 'DRAFT'],
        [5, 'deleted', 5, null],
      ]);
      expect(events[1]!.locales).toEqual(['ko']);
      expect(events[1]!.translation).toEqual({
        state: 'CURRENT',
        outdated: 0,
        missing: 0,
        changed: false,
      });
      expect(events[2]!.translation).toEqual({
        state: 'OUTDATED',
        outdated: 1,
        missing: 0,
        changed: true,
      });
      expect(events[3]).toMatchObject({ locales: ['ko', 'en'], translation: null });
    });

    it('writes no event for a commit that fails', async () => {
      const store = current();
      await store.commit([putCategory, putConcept('a', 'DRAFT')]);
      await expect(
        store.commit([putConcept('b', 'DRAFT'), putConcept('a', 'DRAFT', 7)]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      const { events } = await store.readEvents(null, 10);
      expect(events.map((event) => event.documentId)).toEqual(['k', 'a']);
    });

    it('pages the feed in commit order from any position, the same events each time', async () => {
      const store = current();
      await store.commit([putCategory]);
      for (const slug of ['a', 'b', 'c']) await store.commit([putConcept(slug, 'DRAFT')]);
      await store.commit([putConcept('d', 'DRAFT'), putConcept('e', 'DRAFT')]);
      const all = (await store.readEvents(null, 100)).events;
      expect(all.map((event) => event.documentId)).toEqual(['k', 'a', 'b', 'c', 'd', 'e']);
      const pages: string[][] = [];
      let after: string | null = null;
      for (;;) {
        const page: ChangeEvent[] = (await store.readEvents(after, 2)).events;
        if (page.length === 0) break;
        pages.push(page.map((event) => event.documentId));
        after = page[page.length - 1]!.position;
      }
      expect(pages).toEqual([
        ['k', 'a'],
        ['b', 'c'],
        ['d', 'e'],
      ]);
      expect((await store.readEvents(null, 100)).events).toEqual(all);
    });

    it('keeps the furthest relay position, whatever order positions are marked in', async () => {
      const store = current();
      expect(await store.readRelayPosition()).toBeNull();
      await store.markRelayed('000000000002-000000');
      await store.markRelayed('000000000001-000004');
      expect(await store.readRelayPosition()).toBe('000000000002-000000');
      await store.markRelayed('000000000003-000001');
      expect(await store.readRelayPosition()).toBe('000000000003-000001');
    });
  });
}
