// `node dist-bench/bench/firstSearch.js <factor> <query>`: in a fresh process, the course scaled
// `factor` times is loaded into a snapshot, then one search is made; prints, as JSON, the time
// from the snapshot being ready to the search's answer (wall and this process's CPU, ms) and how
// much of it the garbage collector took (ms). Run alternately against two builds for an A/B
// (see bench/README.md, "search").
import { PerformanceObserver } from 'node:perf_hooks';
import { applyChanges } from '../src/content/applyChanges.js';
import { emptyDocumentSet } from '../src/content/entries.js';
import { ContentSnapshot } from '../src/content/snapshot.js';
import { defaultSeedDir } from '../src/paths.js';
import { searchConcepts } from '../src/search/searchConcepts.js';
import { bundleToWrites } from '../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../src/seed/loadSeed.js';
import { MemoryStore } from '../src/store/memoryStore.js';
import { generateScaled } from './scaledBundle.js';

const factor = Number(process.argv[2] ?? 100);
const query = process.argv[3] ?? '트랜스포머';
const store = new MemoryStore();
await store.commit(
  bundleToWrites(generateScaled(await loadSeedDirectory(defaultSeedDir()), factor)),
);
const { rev, documents } = await store.readChanges(0);
const snapshot = new ContentSnapshot(rev, applyChanges(emptyDocumentSet(), documents), new Date());
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
// Collections that start during the search: most of a cold search's wall time beyond its profile.
const collections: { startTime: number; duration: number }[] = [];
const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
observer.observe({ entryTypes: ['gc'] });
const cpu0 = cpu();
const wall0 = performance.now();
const hits = searchConcepts(snapshot.public, snapshot.search, query, { first: 10, locale: 'ko' });
const wallMs = performance.now() - wall0;
const cpuMs = cpu() - cpu0;
// Collections are reported in a later turn.
await new Promise((resolve) => setTimeout(resolve, 10));
observer.disconnect();
const gcMs = collections
  .filter((gc) => gc.startTime >= wall0 && gc.startTime < wall0 + wallMs)
  .reduce((sum, gc) => sum + gc.duration, 0);
console.log(
  JSON.stringify({ factor, query, wallMs, cpuMs, gcMs, top: hits[0]?.concept.slug ?? null }),
);
