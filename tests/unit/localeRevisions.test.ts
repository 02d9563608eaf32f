// Per-locale public revisions of the read model (src/content/localeRevisions.ts): a Korean-only
// edit whose English stays current moves only the Korean revision; one that outdates the English
// moves both; deletions move both; drafts move neither; and what a snapshot works out step by
// step from the one before is what a full scan of the same documents gives.
import { publicLocaleRevisions } from '../../src/content/localeRevisions.js';
import { ReadModel } from '../../src/content/readModel.js';
import type { ContentSnapshot } from '../../src/content/snapshot.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import type { MemoryStore } from '../../src/store/memoryStore.js';
import { bundle, category, concept, memoryStoreWith } from '../helpers/contentFixtures.js';

async function setup() {
  const store = await memoryStoreWith(
    bundle({
      categories: [category('k', 1)],
      concepts: [concept('a', 'k'), concept('b', 'k'), concept('draft', 'k', { status: 'DRAFT' })],
    }),
  );
  const readModel = new ReadModel(store, { ttlMs: 0 });
  await readModel.current();
  return { store, readModel };
}

// Commits writes and returns the snapshot that follows, checked against a full scan.
async function commit(
  store: MemoryStore,
  readModel: ReadModel,
  writes: DocumentWrite[],
): Promise<ContentSnapshot> {
  await store.commit(writes);
  const snapshot = await readModel.refresh();
  expect(snapshot.publicLocaleRevs).toEqual(
    publicLocaleRevisions(snapshot.documents, snapshot.tombstones),
  );
  return snapshot;
}

const koreanDefinition = (slug: string, ko: string) =>
  concept(slug, 'k', { definition: { ko, en: `${slug} definition` } });

describe('public locale revisions', () => {
  it('start at the revision of the last public write, for every locale', async () => {
    const { readModel } = await setup();
    const snapshot = await readModel.current();
    expect(snapshot.publicLocaleRevs).toEqual({ ko: 1, en: 1 });
    expect(snapshot.revisionFor('public', ['en'])).toBe(1);
  });

  it('move only the Korean one for a Korean edit whose English stays current', async () => {
    const { store, readModel } = await setup();
    const snapshot = await commit(store, readModel, [
      {
        op: 'put',
        collection: 'concepts',
        id: 'a',
        data: koreanDefinition('a', '새 정의'),
        translation: { keepCurrent: true },
      },
    ]);
    expect(snapshot.publicLocaleRevs).toEqual({ ko: 2, en: 1 });
    expect(snapshot.revisionFor('public', ['en'])).toBe(1);
    expect(snapshot.revisionFor('public', ['ko', 'en'])).toBe(2);
    // Public answers that name no locale, and every preview answer, go by the whole revision.
    expect(snapshot.revisionFor('public')).toBe(2);
    expect(snapshot.revisionFor('preview', ['en'])).toBe(2);
  });

  it('move both for a Korean edit that outdates the English, and for a deletion', async () => {
    const { store, readModel } = await setup();
    const outdated = await commit(store, readModel, [
      { op: 'put', collection: 'concepts', id: 'a', data: koreanDefinition('a', '새 정의') },
    ]);
    expect(outdated.publicLocaleRevs).toEqual({ ko: 2, en: 2 });
    const deleted = await commit(store, readModel, [
      { op: 'delete', collection: 'concepts', id: 'b' },
    ]);
    expect(deleted.publicLocaleRevs).toEqual({ ko: 3, en: 3 });
  });

  it('stay where they are for edits of a draft, and move when it is published', async () => {
    const { store, readModel } = await setup();
    const edited = await commit(store, readModel, [
      {
        op: 'put',
        collection: 'concepts',
        id: 'draft',
        data: concept('draft', 'k', { status: 'DRAFT', aliases: ['D'] }),
      },
    ]);
    expect(edited.publicLocaleRevs).toEqual({ ko: 1, en: 1 });
    const published = await commit(store, readModel, [
      { op: 'put', collection: 'concepts', id: 'draft', data: concept('draft', 'k') },
    ]);
    expect(published.publicLocaleRevs).toEqual({ ko: 3, en: 3 });
  });

  it('count a document stored without locale revisions at its revision, in every locale', () => {
    const documents = {
      categories: new Map(),
      concepts: new Map([
        ['old', { ...concept('old', 'k'), rev: 4, version: 1, createdAt: '', updatedAt: '' }],
        [
          'new',
          {
            ...concept('new', 'k'),
            rev: 6,
            localeRevs: { ko: 6, en: 2 },
            version: 2,
            createdAt: '',
            updatedAt: '',
          },
        ],
      ]),
      relations: new Map(),
      comparisons: new Map(),
      lessons: new Map(),
    };
    expect(publicLocaleRevisions(documents, new Map())).toEqual({ ko: 6, en: 4 });
  });
});
