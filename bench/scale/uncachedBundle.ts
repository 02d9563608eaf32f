import { generateToken, hashToken } from '../../src/auth/tokens.js';
import { runLoad, type LoadResult } from '../throughput/load.js';
import { answers, startServer } from '../throughput/serverProcess.js';
import { withCleanup } from './cleanup.js';
import type { PreparedCourse } from './preparedCourse.js';

/** The bundle of copy 0's lesson: the same answer at every factor, so factors compare. */
export const BUNDLE_PATH = '/v1/lessons/introduction-to-llms/bundle';
const CONNECTIONS = 10;
const WARMUP_SECONDS = 1;

/** The bundle's load, once the instance's search index was built. */
export interface BundleLoad extends LoadResult {
  /** Milliseconds from the first answer until /healthz said the search index was built. */
  indexBuiltMs: number;
  /** VmRSS once the index was built, bytes. */
  rssIndexed: number;
  /** VmRSS after the load, bytes (what a serving instance holds). */
  rssAfterLoad: number;
}

/**
 * The lesson bundle under load with nothing answered from the response cache: the prepared
 * deployable (production, memory store) with RESPONSE_CACHE_BYTES=0, so every request builds
 * and serializes the bundle anew (as throughput.bench.ts's "uncached"); 10 connections
 * (autocannon, as the throughput scenario) for `seconds` after a 1 s warm-up. The load starts
 * once the instance has built its search index (which it does in the background after its
 * first answer: at 300 copies, seconds of work that would otherwise share the measured
 * window), so it measures the bundle's own cost; how long the build took is reported beside it.
 */
export async function measureUncachedBundle(
  course: PreparedCourse,
  seconds: number,
  timeoutMs: number,
): Promise<BundleLoad> {
  const token = generateToken();
  const server = await startServer(
    'functions-framework',
    ['--target=api', `--source=${course.deployable}`],
    {
      NODE_ENV: 'production',
      SEED_DIR: course.seedDir,
      RESPONSE_CACHE_BYTES: '0',
      API_TOKENS: `admin:${hashToken(token)}`,
    },
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
      const answered = performance.now();
      await searchIndexBuilt(server.url, token, timeoutMs);
      const indexBuiltMs = performance.now() - answered;
      const rssIndexed = server.rssBytes();
      const request = { method: 'GET' as const, path: BUNDLE_PATH, headers: {} };
      await runLoad(server.url, request, CONNECTIONS, WARMUP_SECONDS);
      const load = await runLoad(server.url, request, CONNECTIONS, seconds);
      return { ...load, indexBuiltMs, rssIndexed, rssAfterLoad: server.rssBytes() };
    },
  );
}

// Polls /healthz (as admin, who is told `search.indexed`) every 10 ms until the index is built.
async function searchIndexBuilt(url: string, token: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const answer = await fetch(`${url}/healthz`, { headers: { authorization: `Bearer ${token}` } });
    const health = (await answer.json()) as { search?: { indexed?: boolean } };
    if (health.search?.indexed === true) return;
    if (health.search === undefined) throw new Error('/healthz does not report search.indexed');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the search index was not built within ${timeoutMs} ms`);
}
