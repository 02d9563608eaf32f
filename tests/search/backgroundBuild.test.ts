// No search waits for an index build. A revision's index is built in the background, in slices
// that leave the event loop to requests between them; a search before it is built is answered
// by the scan, with the hits the built index gives; the next revision's index, arriving during
// the build, is made from it once built rather than built again. Over the API: the first answer
// comes before any build has started, the build starts after it, and searches answered while
// it runs (it has not finished when they complete) give the hits the built index gives.
import { ReadModel } from '../../src/content/readModel.js';
import type { ContentSnapshot } from '../../src/content/snapshot.js';
import type { Concept } from '../../src/domain/concept.js';
import { defaultSeedDir } from '../../src/paths.js';
import { searchConcepts } from '../../src/search/searchConcepts.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import type { MemoryStore } from '../../src/store/memoryStore.js';
import { generateScaled } from '../../bench/scaledBundle.js';
import { memoryStoreWith } from '../helpers/contentFixtures.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

const QUERIES = [
  '트랜스포머',
  '미세 조정을',
  'LLM',
  'Gemni',
  'ㅍㄹㅍㅌ',
  'cooking school',
  '만능 요리사',
];
// The course 20× (620 concepts) and 30× for the API: a build of hundreds of slices, of which a
// search over HTTP lets a few run (one per turn of the event loop it takes).
const FACTOR = 20;
const API_FACTOR = 30;

let concepts: Concept[];
beforeAll(async () => {
  concepts = generateScaled(await loadSeedDirectory(defaultSeedDir()), FACTOR).concepts;
});

const bySlug = (list: Concept[]) => new Map(list.map((c) => [c.slug, c]));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function hits(index: SearchIndex, map: Map<string, Concept>, query: string) {
  return searchConcepts({ concept: (slug) => map.get(slug) }, index, query, { locale: 'ko' }).map(
    (hit) => [hit.concept.slug, hit.score, hit.field, hit.snippet],
  );
}

describe('building a search index in the background', () => {
  it('leaves the event loop between slices, and answers meanwhile as the built index does', async () => {
    const map = bySlug(concepts);
    const index = new SearchIndex(map);
    const building = index.buildInBackground();
    expect(index.isBuilding).toBe(true);
    // Nothing is built in the caller's turn; requests get turns while the build goes on.
    const during: unknown[][][] = [];
    let turns = 0;
    for (const query of QUERIES) {
      await nextTurn();
      turns++;
      expect(index.isBuilt).toBe(false);
      during.push(hits(index, map, query));
    }
    await building;
    expect(index.isBuilt).toBe(true);
    expect(index.isBuilding).toBe(false);
    expect(turns).toBe(QUERIES.length);
    expect(QUERIES.map((query) => hits(index, map, query))).toEqual(during);
  });

  it('makes the next revision from a build under way (the build is neither wasted nor doubled)', async () => {
    const map = bySlug(concepts);
    const first = new SearchIndex(map);
    const building = first.buildInBackground();
    await nextTurn();
    expect(first.isBuilt).toBe(false);
    const edited = { ...concepts[0]!, aliases: ['새별칭'] };
    const nextMap = new Map(map).set(edited.slug, edited);
    const second = first.next(nextMap, [edited.slug]);
    expect(second.isBuilding).toBe(true);
    expect(hits(second, nextMap, '새별칭')[0]?.[0]).toBe(edited.slug);

    await second.buildInBackground();
    await building;
    expect(first.isBuilt && second.isBuilt).toBe(true);
    // The second shares the first's inverted index: its only other version is the one it
    // replaced (a build of its own would hold none).
    expect(second.superseded).toBe(1);
    expect(hits(second, nextMap, '새별칭')[0]?.[0]).toBe(edited.slug);
    expect(hits(first, map, '새별칭')).toEqual([]);
  });

  it('builds at once when asked to, finishing a background build', async () => {
    const map = bySlug(concepts.slice(0, 100));
    const index = new SearchIndex(map);
    const building = index.buildInBackground();
    expect(index.build().isBuilt).toBe(true);
    await building;
    expect(hits(index, map, '트랜스포머')[0]?.[0]).toBe('transformer');
  });
});

describe('the API and its search index', () => {
  let store: MemoryStore;
  beforeAll(async () => {
    store = await memoryStoreWith(
      generateScaled(await loadSeedDirectory(defaultSeedDir()), API_FACTOR),
    );
  });

  const SEARCH =
    'query($q: String!) { search(query: $q, first: 10) { concept { slug } score field snippet } }';

  it('answers searches before the build, starts it after the first answer, and answers the same once built', async () => {
    const served = await serveApi({ API_TOKENS: TEST_API_TOKENS }, { store, relayEvents: false });
    try {
      const runtime = await served.api.ready;
      // Nothing is loaded, so nothing is built, before the first request.
      expect(runtime.readModel.peek()).toBeUndefined();

      const first = await graphql(served.url, SEARCH, { q: QUERIES[0] });
      const snapshot = runtime.readModel.peek() as ContentSnapshot;
      // The first answer did not wait for a build: the index is not built when it arrives.
      expect(snapshot.search.isBuilt).toBe(false);
      // The build starts after the answer (when the response is handed over), by itself.
      for (let turn = 0; turn < 100 && !snapshot.search.isBuilding; turn++) await nextTurn();
      expect(snapshot.search.isBuilding).toBe(true);

      // Searches answered while it runs: it has not finished when they complete.
      const during = [first];
      for (const q of QUERIES.slice(1, 4)) {
        during.push(await graphql(served.url, SEARCH, { q }));
        expect(snapshot.search.isBuilt).toBe(false);
      }
      // Health tells an editor or admin whether the index is built; anonymous callers not.
      const health = async (headers: Record<string, string>) =>
        (await request(`${served.url}/healthz`, { headers })).json as { search?: unknown };
      expect((await health(AS.admin)).search).toEqual({ indexed: false });
      expect(snapshot.search.isBuilt).toBe(false);

      await snapshot.search.buildInBackground();
      expect(snapshot.search.isBuilt).toBe(true);
      expect((await health(AS.editor)).search).toEqual({ indexed: true });
      expect(await health(AS.anonymous)).not.toHaveProperty('search');
      const after = [];
      for (const q of QUERIES.slice(0, 4)) after.push(await graphql(served.url, SEARCH, { q }));
      expect(after.map((a) => a.data)).toEqual(during.map((d) => d.data));
      expect(during.every((d) => (d.data as { search: unknown[] }).search.length > 0)).toBe(true);
    } finally {
      await served.close();
    }
  });

  it('keeps a revision applied during the build from building again', async () => {
    const readModel = new ReadModel(store, { ttlMs: 1000 });
    const held = await readModel.current();
    void held.search.buildInBackground();
    const edited = { ...concepts[1]!, aliases: ['편집별칭'] };
    await store.commit([{ op: 'put', collection: 'concepts', id: edited.slug, data: edited }]);
    const next = await readModel.refresh();
    expect(held.search.isBuilt).toBe(false);
    expect(next.search.isBuilding).toBe(true);
    await next.search.buildInBackground();
    expect(held.search.isBuilt).toBe(true);
    expect(next.search.superseded).toBe(1);
    const found = searchConcepts(next.public, next.search, '편집별칭', { locale: 'ko' });
    expect(found[0]?.concept.slug).toBe(edited.slug);
  });
});
