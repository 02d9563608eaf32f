// The Firestore API's cold start, this build against another (BENCH_BASE_DIR: a built checkout,
// or a copy of its dist/ with package.json, schema.graphql and node_modules beside it), on the
// same emulator projects: per factor one project holds the scaled course, compacted once by each
// build's own FirestoreStore; before each start both pointers (`meta/snapshot`, where builds
// before pointers per format read theirs, and this format's) are pointed at the snapshot of the
// build that starts, so each reads its own format and neither compacts. Starts alternate
// base/this per run; medians. With BENCH_PROFILE_DIR set, one in-process start per build and
// factor is also run under `node --cpu-prof` (firestoreStartProfile.ts).
//
//   npm run build && npx tsc -p tsconfig.bench.json
//   BENCH_BASE_DIR=<main, built> [BENCH_SCALE_FACTORS=1,100,300] [BENCH_SCALE_RUNS=3] \
//     node dist-bench/bench/scale/firestoreStartAB.js
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { Firestore } from '@google-cloud/firestore';
import { eventPosition } from '../../src/domain/changeEvent.js';
import { defaultSeedDir, projectRoot } from '../../src/paths.js';
import { importBundle } from '../../src/seed/importSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { EARLIER_POINTER_DOC, POINTER_DOC } from '../../src/store/firestore/compactedSnapshot.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { startEmulator, uniqueProjectId } from '../../tests/helpers/firestoreEmulator.js';
import { EXPECTED, firstGoodAnswer } from '../coldStart.bench.js';
import { scaleCourse } from '../scaleCourse.js';
import { startServer } from '../throughput/serverProcess.js';
import { median } from './figure.js';

const execFileAsync = promisify(execFile);
// Long: at 300× a compaction reads every document one by one, minutes on a loaded machine.
const TIMEOUT_MS = 1_800_000;
const START_TIMEOUT_MS = 60_000;
const LAST_INDEX = 999_999;

interface Build {
  name: 'base' | 'this';
  dir: string;
}

// A store client of one build (its own dist), so its compaction writes its own format.
async function storeOf(build: Build, projectId: string, host: string) {
  const { FirestoreStore: Store } = (await import(
    join(build.dir, 'dist', 'store', 'firestore', 'firestoreStore.js')
  )) as { FirestoreStore: typeof FirestoreStore };
  return new Store({ projectId, emulatorHost: host, timeoutMs: TIMEOUT_MS });
}

async function coldStart(build: Build, projectId: string, host: string): Promise<number> {
  const server = await startServer(
    'functions-framework',
    ['--target=api', `--source=${build.dir}`],
    {
      NODE_ENV: 'production',
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: host,
    },
    firstGoodAnswer(EXPECTED),
    undefined,
    { timeoutMs: START_TIMEOUT_MS },
  );
  await server.stop();
  return server.startMs;
}

// Points both pointers at a build's snapshot: whichever place the build reads, it finds its own.
async function pointAt(raw: Firestore, pointer: Record<string, unknown>): Promise<void> {
  for (const doc of [EARLIER_POINTER_DOC, POINTER_DOC]) {
    await raw.collection('meta').doc(doc).set(pointer);
  }
}

async function main(): Promise<void> {
  const builds: Build[] = [
    { name: 'base', dir: resolve(process.env.BENCH_BASE_DIR ?? '') },
    { name: 'this', dir: projectRoot() },
  ];
  if (!process.env.BENCH_BASE_DIR) throw new Error('set BENCH_BASE_DIR to the baseline build');
  const factors = (process.env.BENCH_SCALE_FACTORS ?? '1,100,300').split(',').map(Number);
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 3);
  const course = await loadSeedDirectory(defaultSeedDir());
  const emulator = await startEmulator();
  const rows: string[] = [];
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  try {
    for (const factor of factors) {
      const projectId = uniqueProjectId(`fsab${factor}x`);
      const importer = new FirestoreStore({
        projectId,
        emulatorHost: emulator.host,
        timeoutMs: TIMEOUT_MS,
        compactAfterDocuments: Number.MAX_SAFE_INTEGER,
      });
      const imported = Date.now();
      await importBundle(importer, scaleCourse(course, factor));
      await importer.markRelayed(eventPosition(await importer.readRevision(), LAST_INDEX));
      await importer.close();
      const pointers = new Map<string, Record<string, unknown>>();
      const raw = new Firestore({
        projectId,
        host: emulator.host,
        ssl: false,
        universeDomain: 'googleapis.com',
      });
      for (const build of builds) {
        const store = await storeOf(build, projectId, emulator.host);
        const pointer = await store.compact();
        await store.close();
        pointers.set(build.name, (await raw.collection('snapshots').doc(pointer.id).get()).data()!);
        console.log(`${factor}×: ${build.name} snapshot ${pointer.id}, ${pointer.chunks} parts`);
      }
      console.log(`${factor}×: imported and compacted in ${Date.now() - imported} ms`);
      const times = new Map<string, number[]>(builds.map((b) => [b.name, []]));
      for (let run = 0; run < runs; run++) {
        for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
          await pointAt(raw, pointers.get(build.name)!);
          const ms = await coldStart(build, projectId, emulator.host).catch((error: unknown) => {
            console.log(`${factor}× ${build.name}: ${String(error)}`);
            return Number.POSITIVE_INFINITY;
          });
          times.get(build.name)!.push(ms);
          console.log(`${factor}× ${build.name} run ${run + 1}: ${Math.round(ms)} ms`);
        }
      }
      if (process.env.BENCH_PROFILE_DIR) {
        for (const build of builds) {
          await pointAt(raw, pointers.get(build.name)!);
          const dir = join(process.env.BENCH_PROFILE_DIR, `${build.name}-${factor}x`);
          const script = join(
            projectRoot(),
            'dist-bench',
            'bench',
            'scale',
            'firestoreStartProfile.js',
          );
          const profiled = await execFileAsync(
            process.execPath,
            ['--cpu-prof', `--cpu-prof-dir=${dir}`, script, build.dir],
            {
              env: {
                ...process.env,
                GOOGLE_CLOUD_PROJECT: projectId,
                FIRESTORE_EMULATOR_HOST: emulator.host,
              },
              timeout: TIMEOUT_MS,
            },
          ).catch((error: unknown) => ({ stdout: String(error) }));
          console.log(`${factor}× ${build.name} profiled: ${profiled.stdout.trim()}`);
        }
      }
      await raw.terminate();
      const [base, mine] = builds.map((b) => median(times.get(b.name)!));
      rows.push(
        `| ${factor}× | ${Math.round(base!)} | ${Math.round(mine!)} | ${times
          .get('base')!
          .map(Math.round)
          .join(' / ')} | ${times.get('this')!.map(Math.round).join(' / ')} |`,
      );
    }
  } finally {
    await emulator.stop();
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('| factor | base median | this median | base runs | this runs |');
  console.log('| ------ | ----------- | ----------- | --------- | --------- |');
  for (const row of rows) console.log(row);
}

await main();
