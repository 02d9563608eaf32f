import { ReadModel } from '../src/content/readModel.js';
import type { Concept } from '../src/domain/concept.js';
import { searchConcepts } from '../src/search/searchConcepts.js';
import type { MemoryStore } from '../src/store/memoryStore.js';
import { summarize, type LatencySummary } from './stats.js';

/** What edits cost search: latencies in ms, and how many edits the next search found. */
export interface EditLatency {
  summary: LatencySummary;
  max: number;
  found: number;
}

/**
 * The cost of an edit to search, as the read model pays it: a concept gets a new alias in the
 * store, then the time from applying that change to the snapshot (a delta read, as a revision
 * check makes it) until the first search for the alias has answered. The index is built before
 * the first edit, so each edit finds it built, as on a serving instance once its background
 * build is done.
 */
export async function measureEdits(
  store: MemoryStore,
  concepts: readonly Concept[],
  edits: number,
): Promise<EditLatency> {
  const cache = new ReadModel(store, { ttlMs: 1000 });
  const first = await cache.current();
  first.search.build();
  const timings: number[] = [];
  let found = 0;
  for (let i = 0; i < edits; i++) {
    const concept = concepts[(i * 7) % concepts.length]!;
    const alias = `편집별칭${i}`;
    await store.commit([
      {
        op: 'put',
        collection: 'concepts',
        id: concept.slug,
        data: { ...concept, aliases: [...concept.aliases, alias] },
      },
    ]);
    const start = process.hrtime.bigint();
    const snapshot = await cache.refresh();
    const hits = searchConcepts(snapshot.public, snapshot.search, alias, {
      first: 10,
      locale: 'ko',
    });
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (hits[0]?.concept.slug === concept.slug) found++;
  }
  return { summary: summarize(timings), max: Math.max(...timings), found };
}
