import { join } from 'node:path';
import { ReadModel } from '../../src/content/readModel.js';
import { eventPosition } from '../../src/domain/changeEvent.js';
import { projectRoot } from '../../src/paths.js';
import { importSeed } from '../../src/seed/importSeed.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { uniqueProjectId } from '../../tests/helpers/firestoreEmulator.js';
import { EXPECTED, firstGoodAnswer } from '../coldStart.bench.js';
import { startServer } from '../throughput/serverProcess.js';
import { errorLines, runNode } from './runNode.js';
import type { PreparedCourse } from './preparedCourse.js';

// Generous: these are the bench's own reads and writes, not the figures' (the API and the CLI
// run with their default STORE_TIMEOUT_MS).
const BENCH_STORE_TIMEOUT_MS = 300_000;
// The highest write index of a commit: marks a whole revision relayed (as src/app.ts does).
const LAST_INDEX = 999_999;

/** The Firestore figures' project on the emulator. */
export interface FirestoreProject {
  host: string;
  projectId: string;
}

/** A new project on the emulator for one factor. */
export function newProject(host: string, factor: number): FirestoreProject {
  return { host, projectId: uniqueProjectId(`scale${factor}x`) };
}

function storeEnv(project: FirestoreProject): Record<string, string> {
  return {
    STORE: 'firestore',
    GOOGLE_CLOUD_PROJECT: project.projectId,
    FIRESTORE_EMULATOR_HOST: project.host,
  };
}

/**
 * One change read against a throwaway project: a freshly started emulator (a JVM) answers its
 * first requests slowly, which the first factor's seed would otherwise pay, past the CLI's 5 s
 * deadline on a loaded machine.
 */
export async function warmUpEmulator(host: string): Promise<void> {
  const store = new FirestoreStore({
    projectId: uniqueProjectId('scale-warm-up'),
    emulatorHost: host,
    timeoutMs: BENCH_STORE_TIMEOUT_MS,
  });
  try {
    await store.readChanges(0);
  } finally {
    await store.close();
  }
}

/**
 * `npm run seed -- --dir <scaled seed>` into the project, timed from spawn to exit: the CLI as
 * built (`node dist/cli/seed.js`; `npm run seed` runs the build first, which this scenario has
 * run already), with its default settings. Throws what the CLI printed when it fails.
 */
export async function seedWithCli(
  project: FirestoreProject,
  course: PreparedCourse,
  timeoutMs: number,
): Promise<number> {
  const root = projectRoot();
  const run = await runNode(join(root, 'dist', 'cli', 'seed.js'), ['--dir', course.seedDir], {
    cwd: root,
    env: storeEnv(project),
    timeoutMs,
  });
  if (run.timedOut) throw new Error(`did not finish in ${Math.round(timeoutMs / 1000)} s`);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${errorLines(run)}`);
  return run.ms;
}

/**
 * Makes the project hold the whole course whatever the CLI managed: an import in this process
 * in small batches writes what still differs (nothing when the CLI succeeded). Then the
 * import's change events are marked published, so every measured start finds the outbox as a
 * serving deployment has it, instead of the first one relaying thousands of events.
 */
export async function completeSeed(
  project: FirestoreProject,
  course: PreparedCourse,
): Promise<number> {
  const store = new FirestoreStore({
    projectId: project.projectId,
    emulatorHost: project.host,
    timeoutMs: BENCH_STORE_TIMEOUT_MS,
  });
  try {
    const { commits } = await importSeed(store, course.seedDir);
    await store.markRelayed(eventPosition(await store.readRevision(), LAST_INDEX));
    return commits;
  } finally {
    await store.close();
  }
}

/** What a read model's first load asked Firestore. */
export interface StartReads {
  documentsRead: number;
  rpcs: number;
  /** Milliseconds the load took (no deadline: the bench's own store timeout). */
  ms: number;
}

/**
 * The Firestore reads of one instance start: a new read model on a new client (in this process)
 * loads the snapshot, as an API instance's first request does; counted by the adapter's own
 * stats (document gets and documents returned by queries; the revision document included).
 * The webhooks and the outbox, read later and only when used, are not part of it.
 */
export async function readsPerStart(project: FirestoreProject): Promise<StartReads> {
  const store = new FirestoreStore({
    projectId: project.projectId,
    emulatorHost: project.host,
    timeoutMs: BENCH_STORE_TIMEOUT_MS,
  });
  try {
    const started = process.hrtime.bigint();
    await new ReadModel(store, { ttlMs: BENCH_STORE_TIMEOUT_MS }).current();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { documentsRead: store.stats.documentsRead, rpcs: store.stats.rpcs, ms };
  } finally {
    await store.close();
  }
}

/**
 * Cold start on Firestore: the deployable (`npm run build` output, production, default
 * settings, STORE=firestore on the emulator) from spawn to the first good answer; after
 * `timeoutMs` the process is killed and the start fails as "not ready after N s".
 */
export async function firestoreColdStart(
  project: FirestoreProject,
  timeoutMs: number,
): Promise<number> {
  const server = await startServer(
    'functions-framework',
    ['--target=api'],
    { NODE_ENV: 'production', ...storeEnv(project) },
    firstGoodAnswer(EXPECTED),
    undefined,
    { timeoutMs },
  );
  await server.stop();
  return server.startMs;
}
