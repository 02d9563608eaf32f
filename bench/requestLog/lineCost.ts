import { EventEmitter } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pino, type DestinationStream } from 'pino';
import { bufferedPerTurn } from '../../src/observability/logDestination.js';
import { createLogger, useLogger } from '../../src/observability/logger.js';
import { logRequestWhenDone, recordOf } from '../../src/observability/requestLog.js';

/** One way of writing the request line, and what it cost. */
export interface LineCost {
  name: string;
  /** CPU microseconds (user and system, all threads) per request, by requests per turn. */
  microseconds: Record<number, number>;
}

const WARM_UP_ROUNDS = 2;
/** Rounds whose figures count (after two of warm-up). */
export const MEASURED_ROUNDS = 10;
const ROUNDS = WARM_UP_ROUNDS + MEASURED_ROUNDS;
const REQUESTS = 32_000;

// A request the response cache answered, as the server's top-level app sees it.
const HEADERS = { host: '127.0.0.1:8080', accept: '*/*', connection: 'keep-alive' };
const URL = '/v1/concepts/large-language-model/related?depth=2';

/**
 * CPU time per request of the request log line in this process: the line's own code (the
 * record, the 'close' listener, pino's serialization) and its write to a file, for each way of
 * writing it, interleaved round by round (medians). Requests end `perTurn` at a time per turn
 * of the event loop: one on an idle instance, more under load (about 8 at 10 connections on a
 * cache hit). A server under load adds what a process measures here cannot: other work between
 * the lines, and a write that waits for the disk.
 */
export async function measureLineCost(dir: string, perTurn: number[]): Promise<LineCost[]> {
  const files: number[] = [];
  const file = (name: string) => {
    const fd = openSync(join(dir, `${name}.log`), 'w');
    files.push(fd);
    return pino.destination({ dest: fd, sync: true });
  };
  const ways: [string, DestinationStream, 'info' | 'warn'][] = [
    ['LOG_LEVEL=warn: no line', file('warn'), 'warn'],
    ['line made, written nowhere', { write: () => undefined }, 'info'],
    ["a write per line (pino's synchronous destination: before)", file('sync'), 'info'],
    ['a write per turn (bufferedPerTurn: now)', bufferedPerTurn(file('turn')), 'info'],
  ];
  const samples = new Map<string, number[]>();
  const previous = useLogger(createLogger('silent', { write: () => undefined }));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const batch of perTurn) {
        for (const [name, destination, level] of ways) {
          useLogger(createLogger(level, destination));
          const microseconds = await cpuPerRequest(batch);
          if (round < WARM_UP_ROUNDS) continue;
          const key = `${name}/${batch}`;
          samples.set(key, [...(samples.get(key) ?? []), microseconds]);
        }
      }
    }
  } finally {
    useLogger(previous);
    for (const fd of files) closeSync(fd);
  }
  return ways.map(([name]) => ({
    name,
    microseconds: Object.fromEntries(
      perTurn.map((batch) => [batch, median(samples.get(`${name}/${batch}`)!)]),
    ),
  }));
}

async function cpuPerRequest(perTurn: number): Promise<number> {
  const turns = Math.ceil(REQUESTS / perTurn);
  const before = process.cpuUsage();
  for (let turn = 0; turn < turns; turn++) {
    for (let i = 0; i < perTurn; i++) answeredFromCache();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / (turns * perTurn);
}

// What the framework guard and the response cache do for a request's log line: the record,
// the 'close' listener, what the cache notes, then the response's end.
function answeredFromCache(): void {
  const req = { method: 'GET', url: URL, originalUrl: URL, headers: HEADERS };
  const res = Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: true,
    getHeader: (name: string) => (name === 'content-length' ? 8819 : undefined),
  });
  const record = recordOf(req as unknown as IncomingMessage);
  logRequestWhenDone(
    req as unknown as IncomingMessage,
    res as unknown as ServerResponse,
    undefined,
  );
  record.viewer = 'anonymous';
  record.cache = 'hit';
  res.emit('close');
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
