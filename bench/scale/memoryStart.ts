import { EXPECTED, firstGoodAnswer } from '../coldStart.bench.js';
import { startServer } from '../throughput/serverProcess.js';
import { withCleanup } from './cleanup.js';
import type { PreparedCourse } from './preparedCourse.js';

/** One cold start of the deployable on the memory store, and its first search. */
export interface MemoryStart {
  /** Milliseconds from spawning the process to the first good answer. */
  startMs: number;
  /** VmRSS right after the first answer, bytes. */
  rssAfterAnswer: number;
  /** Milliseconds of the first search, sent right after the first answer. */
  firstSearchMs: number;
  /** VmRSS right after the first search, bytes. */
  rssAfterSearch: number;
}

/**
 * The first search's query: by default a Korean word that matches concepts' names in every copy;
 * BENCH_SCALE_SEARCH measures another (a typo, or words only texts hold, cost more).
 */
export const FIRST_SEARCH_QUERY = process.env.BENCH_SCALE_SEARCH ?? '프롬프트';

const FIRST_SEARCH = JSON.stringify({
  query: 'query ($q: String!) { search(query: $q, first: 10) { score concept { slug } } }',
  variables: { q: FIRST_SEARCH_QUERY },
});

/**
 * Spawns the prepared deployable (`functions-framework --target=api`, production, memory store,
 * SEED_DIR the scaled course, its compiled copy in dist/) as coldStart.bench.ts does, times it
 * to the first good answer, then sends the first search; RSS from /proc after each (/healthz
 * does not report memory).
 */
export async function measureMemoryStart(
  course: PreparedCourse,
  timeoutMs: number,
): Promise<MemoryStart> {
  const server = await startServer(
    'functions-framework',
    ['--target=api', `--source=${course.deployable}`],
    { NODE_ENV: 'production', SEED_DIR: course.seedDir },
    firstGoodAnswer(EXPECTED),
    undefined,
    { timeoutMs },
  );
  return withCleanup(
    () => server.stop(),
    async () => {
      const rssAfterAnswer = server.rssBytes();
      const started = process.hrtime.bigint();
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: FIRST_SEARCH,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await answer.json()) as { data?: { search?: unknown[] }; errors?: unknown };
      const firstSearchMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (answer.status !== 200 || !body.data?.search?.length) {
        throw new Error(
          `the first search answered ${answer.status}: ${JSON.stringify(body).slice(0, 200)}`,
        );
      }
      return {
        startMs: server.startMs,
        rssAfterAnswer,
        firstSearchMs,
        rssAfterSearch: server.rssBytes(),
      };
    },
  );
}
