import { build } from 'esbuild';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { OPERATION_HEADER, type CannedResponses } from './throughput/cannedResponses.js';
import { startServer, type Readiness } from './throughput/serverProcess.js';
import { fmt, summarize } from './stats.js';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
/** The request a cold start is timed to (its first good answer), as a POST body. */
export const QUERY = JSON.stringify({
  query: '{ concept(slug: "gemini", locale: EN) { slug term } }',
});
/** The API's answer to QUERY. */
export const EXPECTED = '{"data":{"concept":{"slug":"gemini","term":"Gemini"}}}';

/** Ready once a POST of QUERY answers exactly `expected` (the first good GraphQL answer). */
export function firstGoodAnswer(expected: string): Readiness {
  return async (url) => {
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [OPERATION_HEADER]: '0' },
      body: QUERY,
    });
    return answer.status === 200 && (await answer.text()).trim() === expected;
  };
}

// The bare function as one CommonJS file: the framework loads a `.cjs` module with require()
// and skips the package.json lookup (read-package-up) it makes for a `.js` one, as it does for
// the deployable's `.cjs` launcher. Both bare variants are measured so neither flatters the API.
async function bareCommonJsFunction(): Promise<string> {
  // Inside the project, so that its require() finds the framework in node_modules.
  const outfile = join(projectRoot(), 'dist-bench/bench/throughput/bareFunction.cjs');
  await build({
    entryPoints: [join(projectRoot(), 'bench/throughput/bareFunction.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@google-cloud/functions-framework'],
    logLevel: 'warning',
  });
  return outfile;
}

// The deployable as built, minus its V8 code cache: a copy of dist/ beside links to what the
// function reads from the project (package.json, schema, seed, node_modules). It shows what the
// cache is worth in the same run; the launcher falls back to compiling (and logs a WARNING).
async function deployableWithoutCodeCache(dir: string): Promise<string> {
  const root = projectRoot();
  const copy = join(dir, 'deployable');
  await mkdir(copy);
  for (const entry of ['package.json', 'schema.graphql', 'seed', 'node_modules']) {
    await symlink(join(root, entry), join(copy, entry));
  }
  await cp(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  await rm(join(copy, 'dist', 'api.cjs.v8cache'));
  return copy;
}

const TARGETS = ['bare', 'bareCjs', 'api', 'apiWithoutCache'] as const;
type Target = (typeof TARGETS)[number];

/**
 * Cold start: milliseconds from spawning the process to the first good GraphQL answer, the
 * deployable (`npm run build` output under `functions-framework --target=api`, production,
 * memory store seeded from the shipped course) against a bare function on the framework
 * answering the same bytes (as an ES module `.js`, and as CommonJS `.cjs`), RUNS each, the
 * order rotating from run to run.
 */
export async function coldStartBench(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-cold-'));
  const bareCjs = await bareCommonJsFunction();
  const withoutCache = await deployableWithoutCodeCache(dir);
  const cannedFile = join(dir, 'responses.json');
  const canned: CannedResponses = {
    '0': {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      bodyBase64: Buffer.from(`${EXPECTED}\n`).toString('base64'),
    },
  };
  await writeFile(cannedFile, JSON.stringify(canned));
  const args: Record<Target, string[]> = {
    bare: ['--target=bare', '--source=dist-bench/bench/throughput/bareFunction.js'],
    bareCjs: ['--target=bare', `--source=${bareCjs}`],
    api: ['--target=api'],
    apiWithoutCache: ['--target=api', `--source=${withoutCache}`],
  };
  const times = Object.fromEntries(TARGETS.map((target) => [target, [] as number[]])) as Record<
    Target,
    number[]
  >;
  for (let run = 0; run < RUNS; run++) {
    for (let turn = 0; turn < TARGETS.length; turn++) {
      const target = TARGETS[(run + turn) % TARGETS.length]!;
      const server = await startServer(
        'functions-framework',
        args[target],
        { NODE_ENV: 'production', BENCH_RESPONSES: cannedFile },
        firstGoodAnswer(EXPECTED),
      );
      times[target].push(server.startMs);
      await server.stop();
    }
  }
  const row = (label: string, samples: number[]) =>
    `| ${label} | ${fmt(summarize(samples).p50)} | ${fmt(Math.min(...samples))} | ${fmt(Math.max(...samples))} | ${samples.map((t) => Math.round(t)).join(', ')} |`;
  // Links are removed, not followed.
  await rm(dir, { recursive: true, force: true });
  const api = summarize(times.api).p50;
  return [
    `${RUNS} runs each, order rotating; milliseconds from spawn to the first good answer to \`${QUERY}\`.`,
    '',
    '| process | median ms | min ms | max ms | runs |',
    '| ------- | --------- | ------ | ------ | ---- |',
    row('bare function, ES module `.js` (functions framework)', times.bare),
    row('bare function, CommonJS `.cjs` (functions framework)', times.bareCjs),
    row('API (npm run build output, V8 code cache)', times.api),
    row('API without its V8 code cache', times.apiWithoutCache),
    '',
    `API / bare .js (medians): ${(api / summarize(times.bare).p50).toFixed(2)}×; API / bare .cjs: ${(api / summarize(times.bareCjs).p50).toFixed(2)}× (target: at most 2×). Without the code cache: ${(summarize(times.apiWithoutCache).p50 / summarize(times.bare).p50).toFixed(2)}× / ${(summarize(times.apiWithoutCache).p50 / summarize(times.bareCjs).p50).toFixed(2)}×.`,
  ].join('\n');
}
