import { applyChanges } from '../src/content/applyChanges.js';
import { emptyDocumentSet } from '../src/content/entries.js';
import { ContentSnapshot } from '../src/content/snapshot.js';
import { defaultSeedDir } from '../src/paths.js';
import { searchConcepts } from '../src/search/searchConcepts.js';
import { SearchIndex } from '../src/search/searchIndex.js';
import { bundleToWrites } from '../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../src/seed/loadSeed.js';
import { MemoryStore } from '../src/store/memoryStore.js';
import { RELEVANCE_SET } from '../tests/search/relevanceSet.js';
import { generateScaled } from './scaledBundle.js';
import { LinearScan } from './linearScan.js';
import { measureEdits } from './searchEdits.js';
import { fmt, summarize, time } from './stats.js';

// Rounds per size: the linear scan over 3,100 concepts is slow enough that fewer rounds suffice.
const ROUNDS: Record<number, number> = { 1: 20, 100: 3 };
// Edits per size, each applied to the read model and followed by one search.
const EDITS: Record<number, number> = { 1: 60, 100: 20 };
const FIRST = 10;

/**
 * Search latency at the course's size and at 100× (generated concepts), the inverted index
 * against a linear scan with the same scoring and against the index not yet built (which
 * answers by its own scan, see SearchScan), measured alternately in the same run.
 * Returns a markdown table.
 */
export async function searchBench(): Promise<string> {
  const bundle = await loadSeedDirectory(defaultSeedDir());
  const queries = RELEVANCE_SET.map((q) => q.query);
  const rows: string[] = [];
  for (const factor of [1, 100]) {
    const scaled = generateScaled(bundle, factor);
    const store = new MemoryStore();
    await store.commit(bundleToWrites(scaled));
    const { rev, documents } = await store.readChanges(0);
    const docs = applyChanges(emptyDocumentSet(), documents);
    const snapshot = new ContentSnapshot(rev, docs, new Date());
    // The build runs in the background in production: time it on its own, in one go.
    const buildMs = time(() => void snapshot.search.build());
    // What answers before it is built: the same index unbuilt (it searches by a scan).
    const unbuilt = new SearchIndex(docs.concepts);
    const linear = new LinearScan(scaled.concepts);
    const indexed: number[] = [];
    const scanned: number[] = [];
    const unbuiltTimes: number[] = [];
    let agree = 0;
    let sameAnswers = 0;
    const answer = (index: SearchIndex, query: string) =>
      searchConcepts(snapshot.public, index, query, { first: FIRST, locale: 'ko' });
    for (const query of queries) {
      // Warm every path once per query; check the exhaustive scan ranks the same concept
      // first, and the unbuilt index gives the same answer (hits, scores, snippets).
      const a = answer(snapshot.search, query);
      const b = linear.search(snapshot.public, query, FIRST);
      if (a[0]?.concept.slug === b[0]) agree++;
      if (JSON.stringify(answer(unbuilt, query)) === JSON.stringify(a)) sameAnswers++;
    }
    for (let round = 0; round < ROUNDS[factor]!; round++) {
      for (const query of queries) {
        const measureIndexed = () =>
          indexed.push(
            time(() =>
              searchConcepts(snapshot.public, snapshot.search, query, {
                first: FIRST,
                locale: 'ko',
              }),
            ),
          );
        const measureScan = () =>
          scanned.push(time(() => linear.search(snapshot.public, query, FIRST)));
        const measureUnbuilt = () => unbuiltTimes.push(time(() => answer(unbuilt, query)));
        // Alternate the order, so none always runs on a warmer cache.
        const order = [measureIndexed, measureScan, measureUnbuilt];
        if (round % 2 === 1) order.reverse();
        for (const measure of order) measure();
      }
    }
    const i = summarize(indexed);
    const s = summarize(scanned);
    const u = summarize(unbuiltTimes);
    const edits = await measureEdits(store, scaled.concepts, EDITS[factor]!);
    rows.push(
      `| ${scaled.concepts.length} concepts (${factor}×) | ${fmt(i.p50)} | ${fmt(i.p99)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${(s.p50 / i.p50).toFixed(1)}× | ${(s.p99 / i.p99).toFixed(1)}× | ${agree}/${queries.length} | ${fmt(u.p50)} | ${fmt(u.p99)} | ${sameAnswers}/${queries.length} | ${fmt(buildMs, 1)} | ${fmt(edits.summary.p50)} | ${fmt(edits.max)} | ${edits.found}/${edits.summary.runs} |`,
    );
  }
  return [
    `Search latency over the ${queries.length} relevance-set queries (rounds: ${Object.entries(
      ROUNDS,
    )
      .map(([f, r]) => `${r} at ${f}×`)
      .join(', ')}), first=${FIRST}, in ms (Node ${process.version}). Edits (${Object.entries(EDITS)
      .map(([f, n]) => `${n} at ${f}×`)
      .join(
        ', ',
      )}): one concept's alias changed, the change applied to the read model, then one search for it.`,
    '',
    '| content | index p50 | index p99 | linear scan p50 | linear scan p99 | scan/index p50 | scan/index p99 | same top-1 | unbuilt p50 | unbuilt p99 | unbuilt = index | index build ms | edit + search p50 | edit + search max | edit found |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
