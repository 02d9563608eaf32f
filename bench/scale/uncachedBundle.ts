import { runLoad, type LoadResult } from '../throughput/load.js';
import { answers, startServer } from '../throughput/serverProcess.js';
import { withCleanup } from './cleanup.js';
import type { PreparedCourse } from './preparedCourse.js';

/** The bundle of copy 0's lesson: the same answer at every factor, so factors compare. */
export const BUNDLE_PATH = '/v1/lessons/introduction-to-llms/bundle';
const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;

/**
 * The lesson bundle under load with nothing answered from the response cache: the prepared
 * deployable (production, memory store) with RESPONSE_CACHE_BYTES=0, so every request builds
 * and serializes the bundle anew (as throughput.bench.ts's "uncached"); 10 connections
 * (autocannon, as the throughput scenario) for `seconds` after a 1 s warm-up.
 */
export async function measureUncachedBundle(
  course: PreparedCourse,
  seconds: number,
  timeoutMs: number,
): Promise<LoadResult> {
  const server = await startServer(
    'functions-framework',
    ['--target=api', `--source=${course.deployable}`],
    { NODE_ENV: 'production', SEED_DIR: course.seedDir, RESPONSE_CACHE_BYTES: '0' },
    answers('/healthz'),
    undefined,
    { timeoutMs },
  );
  return withCleanup(
    () => server.stop(),
    async () => {
      const first = await fetch(`${server.url}${BUNDLE_PATH}`);
      await first.arrayBuffer();
      if (first.status !== 200) throw new Error(`${BUNDLE_PATH} answered ${first.status}`);
      const request = { method: 'GET' as const, path: BUNDLE_PATH, headers: {} };
      await runLoad(server.url, request, CONNECTIONS, WARMUP_SECONDS);
      return runLoad(server.url, request, CONNECTIONS, seconds);
    },
  );
}
