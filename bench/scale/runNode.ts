import { spawn } from 'node:child_process';
import { withCleanup } from './cleanup.js';

/** How a node script run by runNode ended. */
export interface NodeRun {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** Milliseconds from spawn to exit. */
  ms: number;
  timedOut: boolean;
  /** The last 64 KB of each stream. */
  stdout: string;
  stderr: string;
}

const KEPT = 64 * 1024;

/**
 * Runs `node script args…` in `cwd` with exactly `env` (plus PATH and HOME) and waits for it to
 * exit, killing it after `timeoutMs` (or when this process is interrupted).
 */
export async function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<NodeRun> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-KEPT)));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-KEPT)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  let timedOut = false;
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited.catch(() => undefined);
  };
  return withCleanup(kill, async () => {
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    try {
      const code = await exited;
      return {
        code,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        timedOut,
        stdout,
        stderr,
      };
    } finally {
      clearTimeout(timer);
    }
  });
}

/** What a failed run said: the first non-empty lines of its error output (else of its output). */
export function errorLines(run: NodeRun, count = 2): string {
  const text = run.stderr.trim() === '' ? run.stdout : run.stderr;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, count)
    .join(' ');
}
