import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEASURED_ROUNDS, measureLineCost } from './requestLog/lineCost.js';
import { runLoad, type LoadResult } from './throughput/load.js';
import { benchOperations } from './throughput/operations.js';
import { sendRaw } from './throughput/rawHttp.js';
import { answers, startServer, type ServerProcess } from './throughput/serverProcess.js';
import { fmt } from './stats.js';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_SECONDS = 1;
// A cache hit: the cheapest answer the API gives, so the one where a log line weighs most.
const OPERATION = 'REST GET: related two deep';

type Instance = 'logged' | 'quiet';
const INSTANCES: Instance[] = ['logged', 'quiet'];
// One measured run, with the server's CPU time per request: on two cores shared with the load
// generator (and whatever else runs), steadier than requests per second.
interface Measured extends LoadResult {
  cpuUs: number;
}

const LABEL: Record<Instance, string> = {
  logged: 'INFO (default): a line per request',
  quiet: 'LOG_LEVEL=warn: no line for a 200',
};

/**
 * What the request log line costs a cache hit: two production instances of the deployable side
 * by side, one at the default INFO level and one at LOG_LEVEL=warn, both with stdout appended to
 * a file (a platform drains stdout; /dev/null would hide the cost of the write), the same cached
 * REST GET at 10 connections, alternating which goes first per round. Reported as the logged
 * instance's share of the quiet one's requests per second and of its CPU time per request (the
 * server's user and system time over the run, divided by the answers), per round and as the
 * median; and,
 * once both are stopped (SIGTERM), how many request lines the logged one wrote against the
 * answers the load generator counted.
 */
export async function requestLogBench(): Promise<string> {
  const operation = benchOperations().find((candidate) => candidate.name === OPERATION)!;
  const dir = await mkdtemp(join(tmpdir(), 'bench-request-log-'));
  const files: Record<Instance, string> = {
    logged: join(dir, 'logged.stdout'),
    quiet: join(dir, 'quiet.stdout'),
  };
  const start = (instance: Instance, env: Record<string, string>) =>
    startServer(
      'functions-framework',
      ['--target=api'],
      { NODE_ENV: 'production', ...env },
      answers('/healthz'),
      files[instance],
    );
  const servers: Record<Instance, ServerProcess> = {
    logged: await start('logged', {}),
    quiet: await start('quiet', { LOG_LEVEL: 'warn' }),
  };
  const results: Record<Instance, Measured[]> = { logged: [], quiet: [] };
  // Every answer the logged instance gave: a log line is owed for each.
  let answered = 0;
  try {
    for (const instance of INSTANCES) {
      // The first request of an instance computes the answer; the cache keeps it from then on.
      const first = await sendRaw(servers[instance].url, operation);
      if (first.status !== 200) throw new Error(`${instance}: ${first.status}`);
      if (instance === 'logged') answered++;
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? INSTANCES : [...INSTANCES].reverse();
      for (const instance of order) {
        const url = servers[instance].url;
        const warmUp = await runLoad(url, operation, CONNECTIONS, WARMUP_SECONDS);
        const cpuBefore = servers[instance].cpuMs();
        const result = await runLoad(url, operation, CONNECTIONS, SECONDS);
        const cpuUs = ((servers[instance].cpuMs() - cpuBefore) * 1000) / result.requests;
        results[instance].push({ ...result, cpuUs });
        if (instance === 'logged') answered += warmUp.requests + result.requests;
        process.stderr.write(
          `round ${round + 1}/${ROUNDS} [${instance}]: ${Math.round(result.rps)} rps, ${Math.round(cpuUs)} µs CPU per request, p99 ${result.p99} ms\n`,
        );
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  const lines = {
    logged: await requestLines(files.logged, operation.path),
    quiet: await requestLines(files.quiet, operation.path),
  };
  // In this process, with the servers stopped: the line alone, by way of writing it.
  const perTurn = [1, 8];
  const costs = await measureLineCost(dir, perTurn);
  await rm(dir, { recursive: true, force: true });
  const [quietCost] = costs;
  const costRows = costs.map(
    ({ name, microseconds }) =>
      `| ${name} | ${perTurn.map((n) => `${microseconds[n]!.toFixed(1)} (+${(microseconds[n]! - quietCost!.microseconds[n]!).toFixed(1)})`).join(' | ')} |`,
  );

  const perRound = (ratio: (logged: Measured, quiet: Measured) => number) =>
    results.logged.map((logged, round) => ratio(logged, results.quiet[round]!));
  const rpsRatios = perRound((logged, quiet) => logged.rps / quiet.rps);
  const cpuRatios = perRound((logged, quiet) => quiet.cpuUs / logged.cpuUs);
  const lineCpu = perRound((logged, quiet) => logged.cpuUs - quiet.cpuUs);
  const rows = INSTANCES.map((instance) => {
    const runs = results[instance];
    const rps = median(runs.map((run) => run.rps));
    const cpu = median(runs.map((run) => run.cpuUs));
    const p50 = median(runs.map((run) => run.p50));
    const p99 = median(runs.map((run) => run.p99));
    const errors = runs.reduce((n, run) => n + run.errors + run.non2xx, 0);
    const owed = instance === 'logged' ? String(answered) : '0';
    return `| ${LABEL[instance]} | ${Math.round(rps)} | ${Math.round(cpu)} | ${ms(p50)} | ${ms(p99)} | ${errors} | ${lines[instance]} / ${owed} |`;
  });
  return [
    `${OPERATION} (a cache hit), ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s per instance (after ${WARMUP_SECONDS} s warm-up), the first instance alternating per round; \`npm run build\` output under \`functions-framework --target=api\`, NODE_ENV=production, memory store, stdout appended to a file. Medians of rounds.`,
    '',
    '| instance | rps | CPU µs / request | p50 ms | p99 ms | errors | request lines written / owed |',
    '| -------- | --- | ---------------- | ------ | ------ | ------ | ---------------------------- |',
    ...rows,
    '',
    `Logged / quiet requests per second: ${pct(median(rpsRatios))} (median of rounds; per round ${rpsRatios.map(pct).join(', ')}).`,
    '',
    `Quiet / logged CPU time per request (the share of a CPU-bound instance's throughput the logged one keeps): ${pct(median(cpuRatios))} (per round ${cpuRatios.map(pct).join(', ')}); the line costs ${Math.round(median(lineCpu))} µs of CPU per request.`,
    '',
    'Lines owed: every answer the load generator counted (warm-ups included); a run cut off at its end may leave a few more lines than answers (requests the server answered after autocannon stopped reading, logged as aborted).',
    '',
    `The line alone, in the runner's process (the request log's code on a cache hit's request, then the line written to a file): CPU µs per request, medians of ${MEASURED_ROUNDS} interleaved rounds, in parentheses what the line adds to LOG_LEVEL=warn.`,
    '',
    `| way of writing | ${perTurn.map((n) => `${n} request${n > 1 ? 's' : ''} per turn`).join(' | ')} |`,
    `| -------------- | ${perTurn.map(() => '---').join(' | ')} |`,
    ...costRows,
  ].join('\n');
}

// The lines of a process's stdout that are request log lines for `path`.
async function requestLines(file: string, path: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  let count = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { httpRequest?: { requestUrl?: string } };
    if (entry.httpRequest?.requestUrl === path.split('?', 1)[0]) count++;
  }
  return count;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}

// autocannon measures latency in whole milliseconds: 0 means under one.
function ms(value: number): string {
  return value < 1 ? '<1' : fmt(value);
}
