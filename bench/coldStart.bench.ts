import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATION_HEADER, type CannedResponses } from './throughput/cannedResponses.js';
import { startServer, type Readiness } from './throughput/serverProcess.js';
import { fmt, summarize } from './stats.js';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const QUERY = JSON.stringify({ query: '{ concept(slug: "gemini", locale: EN) { slug term } }' });
const EXPECTED = '{"data":{"concept":{"slug":"gemini","term":"Gemini"}}}';

/** Ready once a POST answers exactly `expected` (the first good GraphQL answer). */
function firstGoodAnswer(expected: string): Readiness {
  return async (url) => {
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [OPERATION_HEADER]: '0' },
      body: QUERY,
    });
    return answer.status === 200 && (await answer.text()).trim() === expected;
  };
}

/**
 * Cold start: milliseconds from spawning the process to the first good GraphQL answer, the
 * deployable (`npm run build` output under `functions-framework --target=api`, production,
 * memory store seeded from the shipped course) against a bare function on the framework
 * answering the same bytes, alternating, RUNS each.
 */
export async function coldStartBench(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-cold-'));
  const cannedFile = join(dir, 'responses.json');
  const canned: CannedResponses = {
    '0': {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      bodyBase64: Buffer.from(`${EXPECTED}\n`).toString('base64'),
    },
  };
  await writeFile(cannedFile, JSON.stringify(canned));
  const times = { api: [] as number[], bare: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    for (const target of run % 2 === 0 ? (['bare', 'api'] as const) : (['api', 'bare'] as const)) {
      const server =
        target === 'api'
          ? await startServer(
              'functions-framework',
              ['--target=api'],
              { NODE_ENV: 'production' },
              firstGoodAnswer(EXPECTED),
            )
          : await startServer(
              'functions-framework',
              ['--target=bare', '--source=dist-bench/bench/throughput/bareFunction.js'],
              { NODE_ENV: 'production', BENCH_RESPONSES: cannedFile },
              firstGoodAnswer(EXPECTED),
            );
      times[target].push(server.startMs);
      await server.stop();
    }
  }
  const api = summarize(times.api);
  const bare = summarize(times.bare);
  return [
    `${RUNS} runs each, alternating; milliseconds from spawn to the first good answer to \`${QUERY}\`.`,
    '',
    '| process | median ms | min ms | max ms | runs |',
    '| ------- | --------- | ------ | ------ | ---- |',
    `| bare function (functions framework) | ${fmt(bare.p50)} | ${fmt(Math.min(...times.bare))} | ${fmt(Math.max(...times.bare))} | ${times.bare.map((t) => Math.round(t)).join(', ')} |`,
    `| API (npm run build output) | ${fmt(api.p50)} | ${fmt(Math.min(...times.api))} | ${fmt(Math.max(...times.api))} | ${times.api.map((t) => Math.round(t)).join(', ')} |`,
    '',
    `API / bare (medians): ${(api.p50 / bare.p50).toFixed(2)}× (target: at most 2×).`,
  ].join('\n');
}
