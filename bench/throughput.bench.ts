import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { createApi } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { defaultSeedDir } from '../src/paths.js';
import { bundleToWrites } from '../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../src/seed/loadSeed.js';
import { CountingStore } from '../src/store/countingStore.js';
import { MemoryStore } from '../src/store/memoryStore.js';
import { OPERATION_HEADER, type CannedResponses } from './throughput/cannedResponses.js';
import { runLoad, type LoadResult } from './throughput/load.js';
import { benchOperations, type BenchOperation } from './throughput/operations.js';
import { cannedResponseOf, sendRaw } from './throughput/rawHttp.js';
import { answers, startServer, type ServerProcess } from './throughput/serverProcess.js';
import { fmt } from './stats.js';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 1;

type Target = 'raw' | 'bare' | 'api' | 'uncached';
const TARGETS: Target[] = ['raw', 'bare', 'api', 'uncached'];

// The issue's bars, as a share of (b)'s requests per second.
const TARGET_SHARE: Record<string, number> = {
  'REST GET: lesson bundle': 0.7,
  'REST GET: related two deep': 0.7,
  'APQ GET: concept, relations two deep': 0.5,
  'GraphQL POST: concept, relations two deep': 0.35,
};

/**
 * Requests per second and latency at 10 connections: (a) raw node:http and (b) a bare function
 * on the functions framework, both replaying the API's own answer bytes, against (c) the API
 * (`npm run build` output under the framework, production mode, memory store), alternating
 * target order per round. Plus deterministic figures per operation: bytes and store RPCs.
 */
// autocannon measures latency in whole milliseconds: 0 means under one.
function ms(value: number): string {
  return value < 1 ? '<1' : fmt(value);
}

export async function throughputBench(): Promise<string> {
  // BENCH_OPERATIONS=REST,APQ measures only the operations whose names contain one of the words.
  const only = process.env.BENCH_OPERATIONS?.split(',').filter(Boolean);
  const operations = benchOperations().filter(
    (operation) => !only || only.some((word) => operation.name.includes(word)),
  );
  const api = await startServer(
    'functions-framework',
    ['--target=api'],
    production(),
    answers('/healthz'),
  );
  const canned: CannedResponses = {};
  const sizes: string[] = [];
  for (const [index, operation] of operations.entries()) {
    if (operation.prepare) await sendRaw(api.url, operation.prepare);
    const plain = await sendRaw(api.url, operation);
    if (plain.status !== 200) {
      throw new Error(`${operation.name}: ${plain.status} ${plain.body.toString().slice(0, 300)}`);
    }
    const gzip = await sendRaw(api.url, operation, { 'accept-encoding': 'gzip' });
    const brotli = await sendRaw(api.url, operation, { 'accept-encoding': 'br' });
    canned[String(index)] = cannedResponseOf(plain);
    const rpcs = await storeRpcs(operation);
    sizes.push(
      `| ${operation.name} | ${plain.body.length} | ${gzip.body.length} | ${brotli.body.length} | ${rpcs.cold} | ${rpcs.steady} |`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'bench-throughput-'));
  const cannedFile = join(dir, 'responses.json');
  await writeFile(cannedFile, JSON.stringify(canned));
  const servers: Record<Target, ServerProcess> = {
    api,
    // The same API with the response cache off: what GraphQL execution and the REST handlers
    // cost on every request (each answer is computed anew).
    uncached: await startServer(
      'functions-framework',
      ['--target=api'],
      { ...production(), RESPONSE_CACHE_BYTES: '0' },
      answers('/healthz'),
    ),
    raw: await startServer(
      'node',
      ['dist-bench/bench/throughput/rawNodeServer.js'],
      { BENCH_RESPONSES: cannedFile },
      answers('/', 404),
    ),
    bare: await startServer(
      'functions-framework',
      ['--target=bare', '--source=dist-bench/bench/throughput/bareFunction.js'],
      { ...production(), BENCH_RESPONSES: cannedFile },
      answers('/', 404),
    ),
  };
  const results = new Map<string, LoadResult[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, operation] of operations.entries()) {
        const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]!);
        for (const target of order) {
          const request = withOperation(operation, index);
          await runLoad(servers[target].url, request, CONNECTIONS, WARMUP_SECONDS);
          const result = await runLoad(servers[target].url, request, CONNECTIONS, SECONDS);
          const key = `${index}/${target}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          process.stderr.write(
            `round ${round + 1}/${ROUNDS} ${operation.name} [${target}]: ${Math.round(result.rps)} rps, p99 ${result.p99} ms\n`,
          );
        }
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }

  const rows = operations.map((operation, index) => {
    const of = (target: Target) => median(results.get(`${index}/${target}`)!);
    const [raw, bare, ours, uncached] = [of('raw'), of('bare'), of('api'), of('uncached')];
    const share = ours.rps / bare.rps;
    const bar = TARGET_SHARE[operation.name];
    const met =
      bar === undefined
        ? ours.p99 < 20
          ? 'p99 ok'
          : 'p99 over 20 ms'
        : share >= bar && ours.p99 < 20
          ? `yes (≥${bar * 100}%)`
          : `no (≥${bar * 100}%)`;
    const failed = (results.get(`${index}/api`) ?? []).reduce((n, r) => n + r.errors + r.non2xx, 0);
    return `| ${operation.name} | ${Math.round(raw.rps)} | ${Math.round(bare.rps)} | ${Math.round(ours.rps)} | ${pct(share)} | ${pct(ours.rps / raw.rps)} | ${ms(ours.p50)} | ${ms(ours.p99)} | ${ms(bare.p99)} | ${failed} | ${met} | ${Math.round(uncached.rps)} (${pct(uncached.rps / bare.rps)}) | ${ms(uncached.p99)} |`;
  });
  return [
    `${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per target and operation (after ${WARMUP_SECONDS} s warm-up), medians of rounds; (a) raw node:http, (b) bare function on the functions framework, both replaying the API's answer bytes; API = \`npm run build\` output under \`functions-framework --target=api\`, NODE_ENV=production, memory store, request logs on (to /dev/null); "uncached": the same with RESPONSE_CACHE_BYTES=0.`,
    '',
    '| operation | (a) rps | (b) rps | API rps | API/(b) | API/(a) | API p50 ms | API p99 ms | (b) p99 ms | API errors | target met | uncached rps (/(b)) | uncached p99 ms |',
    '| --------- | ------- | ------- | ------- | ------- | ------- | ---------- | ---------- | ---------- | ---------- | ---------- | ------------------- | --------------- |',
    ...rows,
    '',
    "Per operation, deterministic: response bytes (identity, gzip, brotli as the API sends them) and store RPCs per request (a fresh instance's first request; then steady state within the content TTL).",
    '',
    '| operation | bytes | gzip | brotli | store RPCs, first request | store RPCs, steady |',
    '| --------- | ----- | ---- | ------ | ------------------------- | ------------------ |',
    ...sizes,
  ].join('\n');
}

function production(): Record<string, string> {
  return { NODE_ENV: 'production' };
}

function withOperation(operation: BenchOperation, index: number) {
  return {
    method: operation.method,
    path: operation.path,
    headers: { ...operation.headers, [OPERATION_HEADER]: String(index) },
    ...(operation.body !== undefined ? { body: operation.body } : {}),
  };
}

function median(runs: LoadResult[]): LoadResult {
  const mid = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    rps: mid(runs.map((r) => r.rps)),
    p50: mid(runs.map((r) => r.p50)),
    p99: mid(runs.map((r) => r.p99)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}

let instances = 0;

/**
 * Store calls per request, counted on an in-process instance over a counting memory store:
 * the first request of a fresh instance (the full load), then 10 more within the TTL.
 */
async function storeRpcs(operation: BenchOperation): Promise<{ cold: number; steady: string }> {
  const memory = new MemoryStore();
  await memory.commit(bundleToWrites(await loadSeedDirectory(defaultSeedDir())));
  const store = new CountingStore(memory);
  const api = createApi(loadConfig({ NODE_ENV: 'production', CONTENT_TTL_MS: '60000' }), { store });
  await api.ready;
  const name = `bench-api-${++instances}`;
  functions.http(name, api.handler);
  const server: Server = getTestServer(name);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const total = () => Object.values(store.calls).reduce((sum, n) => sum + n, 0);
  try {
    const before = total();
    if (operation.prepare) await sendRaw(url, operation.prepare);
    await sendRaw(url, operation);
    const cold = total() - before;
    const steadyBefore = total();
    for (let i = 0; i < 10; i++) await sendRaw(url, operation);
    return { cold, steady: String((total() - steadyBefore) / 10) };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  }
}
