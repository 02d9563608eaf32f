import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { freePort } from '../../tests/helpers/processes.js';

/** A server the benchmark started in its own process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn until it first answered as `isReady` wants. */
  startMs: number;
  /** Resident set size of the process, in bytes (Linux /proc). */
  rssBytes(): number;
  /** CPU time the process has used so far, user and system, all threads, in ms (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Whether a server at `url` answers as wanted yet (throws or false: not yet). */
export type Readiness = (url: string) => Promise<boolean>;

/** Ready once GET `path` answers with `status`. */
export function answers(path: string, status = 200): Readiness {
  return async (url) => {
    const answer = await fetch(`${url}${path}`);
    await answer.arrayBuffer();
    return answer.status === status;
  };
}

/** How long startServer waits for readiness before it gives up. */
export interface StartOptions {
  /** Milliseconds; unset: as long as the process lives. */
  timeoutMs?: number;
}

/** The server did not become ready within StartOptions.timeoutMs (the process was killed). */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
  constructor(readonly timeoutMs: number) {
    super(`not ready after ${Math.round(timeoutMs / 1000)} s`);
  }
}

/**
 * Starts `node_modules/.bin/<bin>` (or `node` when bin is 'node') in the project root with
 * PORT set, its output discarded (a real platform drains stdout too) or appended to
 * `stdoutFile`, and waits until `isReady` says so, polling every 2 ms. A process that exits
 * first or is not ready within `options.timeoutMs` fails the start (and is killed).
 */
export async function startServer(
  bin: string,
  args: string[],
  env: Record<string, string>,
  isReady: Readiness,
  stdoutFile?: string,
  options: StartOptions = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const command =
    bin === 'node' ? process.execPath : join(projectRoot(), 'node_modules', '.bin', bin);
  // The child gets its own copy of the descriptor; ours is closed once it is spawned.
  const stdout = stdoutFile === undefined ? 'ignore' : openSync(stdoutFile, 'a');
  const started = process.hrtime.bigint();
  const child = spawn(command, args, {
    cwd: projectRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), ...env },
    stdio: ['ignore', stdout, 'inherit'],
  });
  if (typeof stdout === 'number') closeSync(stdout);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(url, isReady, child, options.timeoutMs);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    throw error;
  }
  const startMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    url,
    child,
    startMs,
    rssBytes: () => rssOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitFor(
  url: string,
  isReady: Readiness,
  child: ChildProcess,
  timeoutMs: number | undefined,
): Promise<void> {
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  const expired = timeoutMs === undefined ? undefined : expiry(deadline);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before ${url}`);
    if (Date.now() > deadline) throw new NotReadyError(timeoutMs!);
    try {
      // A request the server holds (waiting on its store) must not outlast the deadline.
      if (await (expired ? Promise.race([isReady(url), expired]) : isReady(url))) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

// Resolves false at the deadline, its timer not keeping Node alive.
function expiry(deadline: number): Promise<false> {
  return new Promise((resolve) =>
    setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())).unref(),
  );
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

// Clock ticks per second of /proc/<pid>/stat's times: 100 on Linux (USER_HZ, `getconf CLK_TCK`).
const TICKS_PER_SECOND = 100;

function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces, hence the last parenthesis);
  // utime and stime are the stat's 14th and 15th fields, here the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
