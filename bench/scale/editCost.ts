import { ReadModel } from '../../src/content/readModel.js';
import { searchConcepts } from '../../src/search/searchConcepts.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { summarize } from '../stats.js';
import { median } from './figure.js';
import { readCompiled, type PreparedCourse } from './preparedCourse.js';

/** What applying one edit to the snapshot costs, in milliseconds. */
export interface EditCost {
  median: number;
  /** The mean, which the occasional costlier edit (an overlay flattened, see OverlayMap) moves. */
  mean: number;
  p99: number;
  max: number;
  edits: number;
}

const WARMUP_EDITS = 5;
// Longer than the run: no background revision check competes with the timed applications.
const NO_REFRESH_MS = 24 * 3_600_000;

/**
 * In this process: a memory store holding the prepared course as a cold start stores it
 * (its compiled content's stored documents, adopted), a ReadModel on it, loaded and with its search index
 * built (one search, as on an instance that has served one); then, after 5 untimed edits
 * (warm-up), `edits` times, a concept's
 * summary is edited in the store (a different concept each time, spread over the copies) and
 * the commit is applied to the read model (`applyCommitted`, what the instance that made the
 * edit runs; another instance applies the same delta by `advance` after a revision check).
 * Only the application is timed.
 */
export async function measureEditCost(course: PreparedCourse, edits: number): Promise<EditCost> {
  const documents = await readCompiled(course);
  const store = new MemoryStore();
  store.adopt(documents);
  const readModel = new ReadModel(store, { ttlMs: NO_REFRESH_MS });
  const first = await readModel.current();
  searchConcepts(first.public, first.search, '프롬프트', { locale: 'ko' });
  const concepts = documents.flatMap((doc) =>
    doc.collection === 'concepts' && !doc.deleted ? [doc.data] : [],
  );
  const timings: number[] = [];
  // The first applications run cold code (the JIT has not compiled it yet): not timed.
  for (let i = -WARMUP_EDITS; i < edits; i++) {
    // A stride coprime with the course's size walks every copy before repeating a concept.
    const concept = concepts[((i + WARMUP_EDITS) * 7919) % concepts.length]!;
    const batch = await store.commit([
      {
        op: 'put',
        collection: 'concepts',
        id: concept.slug,
        data: {
          ...concept,
          summary: {
            ko: `${concept.summary.ko} 편집 ${i + WARMUP_EDITS}`,
            ...(concept.summary.en === undefined
              ? {}
              : { en: `${concept.summary.en} edit ${i + WARMUP_EDITS}` }),
          },
        },
      },
    ]);
    const started = process.hrtime.bigint();
    const snapshot = await readModel.applyCommitted(batch);
    if (i >= 0) timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (snapshot.rev !== batch.rev)
      throw new Error(`edit ${i} was not applied (rev ${snapshot.rev})`);
  }
  await store.close();
  const { p99, mean } = summarize(timings);
  return { median: median(timings), mean, p99, max: Math.max(...timings), edits };
}
