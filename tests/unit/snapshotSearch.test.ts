// A snapshot is one revision, its search index included: a request still holding revision N
// searches N's content while N+1 is applied, and N+1 searches its own.
import { ReadModel } from '../../src/content/readModel.js';
import type { ContentSnapshot } from '../../src/content/snapshot.js';
import { searchConcepts } from '../../src/search/searchConcepts.js';
import { bundle, category, concept, memoryStoreWith } from '../helpers/contentFixtures.js';

// Terms no fixture text contains, so each query can only match the concept given that term.
const OLD_TERM = { ko: '쿼카', en: 'Quokka' };
const NEW_TERM = { ko: '웜뱃', en: 'Wombat' };

async function setup() {
  const store = await memoryStoreWith(
    bundle({
      categories: [category('k', 1)],
      concepts: [
        concept('animal', 'k', { term: OLD_TERM }),
        concept('doomed', 'k', { aliases: ['Dodo'] }),
        ...Array.from({ length: 10 }, (_, i) => concept(`c-${i}`, 'k')),
      ],
    }),
  );
  return { store, readModel: new ReadModel(store, { ttlMs: 1000 }) };
}

function found(snapshot: ContentSnapshot, query: string): string[] {
  return searchConcepts(snapshot.public, snapshot.search, query, { locale: 'en' }).map(
    (hit) => hit.concept.slug,
  );
}

describe('a revision and its search index', () => {
  it('keeps finding its own terms after the next revision is applied, and the next finds only its own', async () => {
    const { store, readModel: cache } = await setup();
    const held = await cache.current();
    // The request on revision N searches once (which builds the index N+1 starts from) …
    expect(found(held, 'quokka')).toEqual(['animal']);

    await store.commit([
      {
        op: 'put',
        collection: 'concepts',
        id: 'animal',
        data: concept('animal', 'k', { term: NEW_TERM }),
      },
    ]);
    const next = await cache.refresh();
    expect(next.rev).toBe(held.rev + 1);

    // … and searches again after N+1 was applied: it still reads N.
    expect(found(held, 'wombat')).toEqual([]);
    expect(found(held, 'quokka')).toEqual(['animal']);
    expect(found(held, '쿼카')).toEqual(['animal']);
    expect(found(next, 'wombat')).toEqual(['animal']);
    expect(found(next, 'quokka')).toEqual([]);
    expect(found(next, '쿼카')).toEqual([]);
  });

  it('keeps a concept deleted in the next revision, and does not see one created there', async () => {
    const { store, readModel: cache } = await setup();
    const held = await cache.current();
    expect(found(held, 'dodo')).toEqual(['doomed']);

    await store.commit([
      { op: 'delete', collection: 'concepts', id: 'doomed' },
      {
        op: 'put',
        collection: 'concepts',
        id: 'newcomer',
        data: concept('newcomer', 'k', { aliases: ['Dodo'] }),
      },
    ]);
    const next = await cache.refresh();

    expect(found(held, 'dodo')).toEqual(['doomed']);
    expect(found(next, 'dodo')).toEqual(['newcomer']);
  });
});
