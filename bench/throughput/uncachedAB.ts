// The uncached GraphQL path, A/B: `node dist-bench/bench/throughput/uncachedAB.js` after
// `npm run build && npx tsc -p tsconfig.bench.json`. Not a scenario of `npm run bench`: a focused
// comparison of GraphQL executions on the same machine in one run, alternating the order per
// round, each server in its own process at 10 connections, the response cache off:
//   bare   the bare function replaying the API's answer bytes (the throughput bench's (b))
//   fast   this build (GRAPHQL_EXECUTION=fast, the default)
//   stock  this build with GRAPHQL_EXECUTION=stock (Apollo's pipeline for every request)
//   trusted this build with PERSISTED_DOCUMENTS_ONLY=1 and a manifest of the measured documents
//   base   BENCH_BASE_DIR's build, when set (another checkout, e.g. main, built with npm run build)
// Per target: requests per second, its share of bare's, p99, and the server's CPU time per request
// (/proc, steadier than requests per second on shared cores). Knobs: BENCH_SECONDS (5),
// BENCH_ROUNDS (3), BENCH_OPERATIONS (words of the operations' names; default "two deep").
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash } from '../../src/graphql/trustedDocuments.js';
import { fmt } from '../stats.js';
import { OPERATION_HEADER, type CannedResponses } from './cannedResponses.js';
import { runLoad } from './load.js';
import { benchOperations, type BenchOperation } from './operations.js';
import { cannedResponseOf, sendRaw } from './rawHttp.js';
import { answers, startServer, type ServerProcess } from './serverProcess.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORDS = (process.env.BENCH_OPERATIONS ?? 'two deep').split(',').filter(Boolean);
const BASE_DIR = process.env.BENCH_BASE_DIR;
const CONNECTIONS = 10;

interface Measured {
  rps: number;
  p99: number;
  cpuUs: number;
}

const production = { NODE_ENV: 'production', RESPONSE_CACHE_BYTES: '0' };

function api(env: Record<string, string>, source?: string): Promise<ServerProcess> {
  const args = ['--target=api', ...(source ? [`--source=${source}`] : [])];
  return startServer('functions-framework', args, { ...production, ...env }, answers('/healthz'));
}

function withOperation(operation: BenchOperation, index: number) {
  return {
    method: operation.method,
    path: operation.path,
    headers: { ...operation.headers, [OPERATION_HEADER]: String(index) },
    ...(operation.body !== undefined ? { body: operation.body } : {}),
  };
}

// The documents the operations send (in their body, or in the request that prepares them): what
// a trusted deployment's manifest holds, by hash.
function manifestOf(operations: BenchOperation[]): Record<string, string> {
  const manifest: Record<string, string> = {};
  for (const operation of operations) {
    for (const body of [operation.body, operation.prepare?.body]) {
      const query =
        body === undefined ? undefined : (JSON.parse(body) as { query?: unknown }).query;
      if (typeof query === 'string') manifest[documentHash(query)] = query;
    }
  }
  return manifest;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function main(): Promise<void> {
  const operations = benchOperations().filter((operation) =>
    WORDS.some((word) => operation.name.includes(word)),
  );
  const dir = await mkdtemp(join(tmpdir(), 'bench-uncached-'));
  const manifestFile = join(dir, 'persisted-documents.json');
  await writeFile(manifestFile, JSON.stringify(manifestOf(operations)));
  const targets: Record<string, ServerProcess> = {
    fast: await api({}),
    trusted: await api({ PERSISTED_DOCUMENTS_ONLY: '1', PERSISTED_DOCUMENTS_FILE: manifestFile }),
    stock: await api({ GRAPHQL_EXECUTION: 'stock' }),
    ...(BASE_DIR ? { base: await api({}, BASE_DIR) } : {}),
  };
  const canned: CannedResponses = {};
  for (const [index, operation] of operations.entries()) {
    for (const server of Object.values(targets)) {
      if (operation.prepare) await sendRaw(server.url, operation.prepare);
    }
    const plain = await sendRaw(targets.fast!.url, operation);
    canned[String(index)] = cannedResponseOf(plain);
  }
  const cannedFile = join(dir, 'responses.json');
  await writeFile(cannedFile, JSON.stringify(canned));
  targets.bare = await startServer(
    'functions-framework',
    ['--target=bare', '--source=dist-bench/bench/throughput/bareFunction.js'],
    { NODE_ENV: 'production', BENCH_RESPONSES: cannedFile },
    answers('/', 404),
  );
  const names = Object.keys(targets);
  const results = new Map<string, Measured[]>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, operation] of operations.entries()) {
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + round) % names.length]!;
          const server = targets[name]!;
          const request = withOperation(operation, index);
          await runLoad(server.url, request, CONNECTIONS, 1);
          const cpuBefore = server.cpuMs();
          const load = await runLoad(server.url, request, CONNECTIONS, SECONDS);
          const cpuUs = ((server.cpuMs() - cpuBefore) * 1000) / Math.max(1, load.requests);
          if (load.errors + load.non2xx > 0) throw new Error(`${name}: failed requests`);
          const key = `${index}/${name}`;
          results.set(key, [...(results.get(key) ?? []), { rps: load.rps, p99: load.p99, cpuUs }]);
          process.stderr.write(
            `round ${round + 1}/${ROUNDS} ${operation.name} [${name}]: ${Math.round(load.rps)} rps, p99 ${load.p99} ms, ${Math.round(cpuUs)} µs CPU\n`,
          );
        }
      }
    }
  } finally {
    await Promise.all(Object.values(targets).map((server) => server.stop()));
  }
  const lines = [
    `${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per target and operation (after 1 s warm-up), medians of rounds; response cache off; NODE_ENV=production.`,
    '',
    '| operation | target | rps | /bare | p99 ms | CPU µs per request |',
    '| --------- | ------ | --- | ----- | ------ | ------------------ |',
  ];
  for (const [index, operation] of operations.entries()) {
    const of = (name: string) => {
      const runs = results.get(`${index}/${name}`)!;
      return {
        rps: median(runs.map((r) => r.rps)),
        p99: median(runs.map((r) => r.p99)),
        cpuUs: median(runs.map((r) => r.cpuUs)),
      };
    };
    const bare = of('bare');
    for (const name of names) {
      const measured = of(name);
      lines.push(
        `| ${operation.name} | ${name} | ${Math.round(measured.rps)} | ${((measured.rps / bare.rps) * 100).toFixed(0)}% | ${fmt(measured.p99)} | ${Math.round(measured.cpuUs)} |`,
      );
    }
  }
  console.log(lines.join('\n'));
}

await main();
