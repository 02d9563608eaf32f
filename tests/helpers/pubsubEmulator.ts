import { spawn, type ChildProcess } from 'node:child_process';
import { describeWithSdkEmulator, findSdkEmulator, type SdkEmulator } from './cloudSdkEmulator.js';
import { freePort } from './processes.js';

const PUBSUB_EMULATOR: SdkEmulator = {
  label: 'Pub/Sub',
  binVariable: 'PUBSUB_EMULATOR_BIN',
  pathInSdk: ['platform', 'pubsub-emulator', 'bin', 'cloud-pubsub-emulator'],
  requiredVariable: 'REQUIRE_PUBSUB_EMULATOR',
};

/** The official Pub/Sub emulator's launcher, if this machine has one (Google Cloud SDK component). */
export function findPubSubEmulator(): string | undefined {
  return findSdkEmulator(PUBSUB_EMULATOR);
}

/**
 * `describe` for suites that need the Pub/Sub emulator: where it is not installed they are
 * skipped with one loud line, unless REQUIRE_PUBSUB_EMULATOR=1 makes that a failure.
 */
export function describeWithPubSubEmulator(name: string, body: () => void): void {
  describeWithSdkEmulator(PUBSUB_EMULATOR, name, body);
}

/** A running Pub/Sub emulator. */
export interface RunningPubSubEmulator {
  /** host:port, as PUBSUB_EMULATOR_HOST takes it. */
  host: string;
  stop(): Promise<void>;
}

/** Starts the official emulator on a free loopback port and waits until it answers. */
export async function startPubSubEmulator(): Promise<RunningPubSubEmulator> {
  const bin = findPubSubEmulator();
  if (!bin) throw new Error('no Pub/Sub emulator installed');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn(bin, ['--host=127.0.0.1', `--port=${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopping it stops the JVM the launcher starts
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, name);
  };
  await waitUntilUp(host, 60_000).catch((error: Error) => {
    signal('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    host,
    stop: async () => {
      if (child.exitCode !== null) return;
      signal('SIGTERM');
      const killer = setTimeout(() => signal('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// The emulator answers "Ok" on / once it serves.
async function waitUntilUp(host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${host}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Pub/Sub emulator did not start on ${host} within ${timeoutMs} ms`);
}
