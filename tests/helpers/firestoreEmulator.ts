import { spawn, type ChildProcess } from 'node:child_process';
import { Firestore } from '@google-cloud/firestore';
import { defaultSeedDir } from '../../src/paths.js';
import { importSeed } from '../../src/seed/importSeed.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { describeWithSdkEmulator, findSdkEmulator, type SdkEmulator } from './cloudSdkEmulator.js';
import { freePort } from './processes.js';

const FIRESTORE_EMULATOR: SdkEmulator = {
  label: 'Firestore',
  binVariable: 'FIRESTORE_EMULATOR_BIN',
  pathInSdk: ['platform', 'cloud-firestore-emulator', 'cloud_firestore_emulator'],
  requiredVariable: 'REQUIRE_FIRESTORE_EMULATOR',
};

/** The official Firestore emulator's launcher, if this machine has one (Google Cloud SDK component). */
export function findEmulator(): string | undefined {
  return findSdkEmulator(FIRESTORE_EMULATOR);
}

/**
 * `describe` for suites that need the Firestore emulator: where it is not installed they are
 * skipped with one loud line, unless REQUIRE_FIRESTORE_EMULATOR=1 makes that a failure.
 */
export function describeWithEmulator(name: string, body: () => void): void {
  describeWithSdkEmulator(FIRESTORE_EMULATOR, name, body);
}

/** A running emulator. */
export interface RunningEmulator {
  /** host:port */
  host: string;
  /** Freezes the emulator process (an outage that keeps its data). */
  pause(): void;
  /** Thaws it. */
  resume(): void;
  /** Deletes every document of a project (the emulator's own REST endpoint). */
  clear(projectId: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the official emulator on a free loopback port (with extra flags) and waits until it answers. */
export async function startEmulator(extraArgs: string[] = []): Promise<RunningEmulator> {
  const bin = findEmulator();
  if (!bin) throw new Error('no Firestore emulator installed');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    bin,
    ['start', '--host=127.0.0.1', `--port=${port}`, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: the launcher script starts a JVM we must stop too
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    if (child.pid !== undefined) process.kill(-child.pid, name);
  };
  await waitUntilUp(host, 60_000).catch((error: Error) => {
    signal('SIGKILL');
    throw new Error(`${error.message}\n${output}`);
  });
  return {
    host,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    clear: async (projectId) => {
      const response = await fetch(
        `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
        { method: 'DELETE' },
      );
      if (!response.ok) throw new Error(`clearing ${projectId} failed: ${response.status}`);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      signal('SIGCONT');
      signal('SIGTERM');
      const killer = setTimeout(() => signal('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}

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
  throw new Error(`the Firestore emulator did not start on ${host} within ${timeoutMs} ms`);
}

let projects = 0;

/** A project id no other test uses (emulator data is per project). */
export function uniqueProjectId(prefix = 'test'): string {
  return `${prefix}-${process.pid}-${++projects}-${Date.now().toString(36)}`;
}

/** A new project on the emulator with the shipped course imported into it; returns its id. */
export async function seededProject(emulator: RunningEmulator): Promise<string> {
  const projectId = uniqueProjectId();
  const importer = new FirestoreStore({
    projectId,
    emulatorHost: emulator.host,
    timeoutMs: 10_000,
  });
  await importSeed(importer, defaultSeedDir());
  await importer.close();
  return projectId;
}

/**
 * A plain Firestore client on the emulator, past the store's validation and codecs: for tests
 * that write what the store never would (damaged parts, corrupt documents, earlier formats).
 * The caller terminates it.
 */
export function rawFirestore(emulator: RunningEmulator, projectId: string): Firestore {
  return new Firestore({
    projectId,
    host: emulator.host,
    ssl: false,
    universeDomain: 'googleapis.com',
  });
}

/** Runs `use` with a plain Firestore client on the emulator (see rawFirestore), then terminates it. */
export async function withRawFirestore<T>(
  emulator: RunningEmulator,
  projectId: string,
  use: (raw: Firestore) => Promise<T>,
): Promise<T> {
  const raw = rawFirestore(emulator, projectId);
  try {
    return await use(raw);
  } finally {
    await raw.terminate();
  }
}
