import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeedDir } from '../src/paths.js';
import { loadSeedDirectory } from '../src/seed/loadSeed.js';
import { findEmulator, startEmulator } from '../tests/helpers/firestoreEmulator.js';
import { withCleanup } from './scale/cleanup.js';
import { measureEditCost, type EditCost } from './scale/editCost.js';
import {
  attempt,
  median,
  medianCell,
  pairedRatios,
  ratioCell,
  type Figure,
} from './scale/figure.js';
import {
  completeSeed,
  firestoreColdStart,
  newProject,
  readsPerStart,
  seedWithCli,
  type FirestoreProject,
  type StartReads,
  warmUpEmulator,
} from './scale/firestoreFigures.js';
import { FIRST_SEARCH_QUERY, measureMemoryStart, type MemoryStart } from './scale/memoryStart.js';
import { prepareCourse, type PreparedCourse } from './scale/preparedCourse.js';
import { BUNDLE_PATH, measureUncachedBundle, type BundleLoad } from './scale/uncachedBundle.js';

const FACTORS = (process.env.BENCH_SCALE_FACTORS ?? '1,10,100,300')
  .split(',')
  .filter(Boolean)
  .map(Number);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
// Enough for the overlays of a 300× course to be flattened at least once (every ~385 changes).
const EDITS = Number(process.env.BENCH_SCALE_EDITS ?? 400);
const LOAD_SECONDS = Number(process.env.BENCH_SCALE_LOAD_SECONDS ?? 5);
const START_TIMEOUT_MS = 1000 * Number(process.env.BENCH_SCALE_START_TIMEOUT_S ?? 120);
const FIRESTORE_TIMEOUT_MS = 1000 * Number(process.env.BENCH_SCALE_FIRESTORE_TIMEOUT_S ?? 60);
const SEED_TIMEOUT_MS = 1000 * Number(process.env.BENCH_SCALE_SEED_TIMEOUT_S ?? 1800);
// Which groups of rows to measure (all by default): a quick re-run of one group leaves the
// others' cells as "—".
const PARTS = new Set(
  (process.env.BENCH_SCALE_PARTS ?? 'memory,bundle,edit,firestore').split(',').filter(Boolean),
);

/** Everything measured at one factor. */
interface FactorFigures {
  prepared: Figure<PreparedCourse>;
  starts: Figure<MemoryStart>[];
  bundleLoads: Figure<BundleLoad>[];
  edit?: Figure<EditCost>;
  seed?: Figure<number>;
  /** Commits the in-process import needed after the CLI (0: the CLI had written everything). */
  completion?: Figure<number>;
  reads?: Figure<StartReads>;
  firestoreStarts: Figure<number>[];
}

/**
 * The course copied BENCH_SCALE_FACTORS times (scaleCourse: every copy a complete course),
 * each factor measured side by side in one run: cold start, RSS and first search on the
 * memory store with compiled content; the uncached lesson bundle under load; applying one edit
 * to the read model; and on the Firestore emulator `npm run seed`, the reads of an instance
 * start and the API's cold start. Start figures are medians of BENCH_SCALE_RUNS, the factors
 * alternating within each run, with each factor's per-run ratio to the first factor (the ratio
 * the goals are set in). A figure that fails is printed as its failure.
 */
export async function scaleBench(): Promise<string> {
  const bad = FACTORS.filter((factor) => !Number.isInteger(factor) || factor < 1);
  if (bad.length > 0 || FACTORS.length === 0) {
    throw new Error(`BENCH_SCALE_FACTORS must list whole numbers ≥ 1, got "${FACTORS.join(',')}"`);
  }
  const loadBefore = loadavg();
  const course = await loadSeedDirectory(defaultSeedDir());
  const dir = await mkdtemp(join(tmpdir(), 'bench-scale-'));
  return withCleanup(
    () => rm(dir, { recursive: true, force: true }),
    async () => {
      const figures = new Map<number, FactorFigures>();
      for (const factor of FACTORS) {
        log(`${factor}×: writing the seed directory and compiling it`);
        const prepared = await attempt(`preparing ${factor}×`, async () => {
          const sub = join(dir, `x${factor}`);
          await mkdir(sub);
          return prepareCourse(course, factor, sub);
        });
        figures.set(factor, { prepared, starts: [], bundleLoads: [], firestoreStarts: [] });
      }
      if (PARTS.has('memory')) await memoryStarts(figures);
      if (PARTS.has('bundle')) await bundleLoads(figures);
      if (PARTS.has('edit')) {
        for (const [factor, figure] of figures) {
          log(`${factor}×: edits applied to the read model`);
          figure.edit = await withPrepared(figure, `${factor}× edits`, (course) =>
            measureEditCost(course, EDITS),
          );
        }
      }
      const firestoreNote = PARTS.has('firestore') ? await firestore(figures) : 'not measured';
      return table(figures, firestoreNote, loadBefore);
    },
  );
}

async function withPrepared<T>(
  figure: FactorFigures,
  label: string,
  measure: (course: PreparedCourse) => Promise<T>,
): Promise<Figure<T>> {
  const { prepared } = figure;
  if (!prepared.ok) return prepared;
  return attempt(label, () => measure(prepared.value));
}

// Each run starts every factor once, the order rotating from run to run.
async function alternating(
  figures: Map<number, FactorFigures>,
  measure: (factor: number, figure: FactorFigures, run: number) => Promise<void>,
): Promise<void> {
  const factors = [...figures.keys()];
  for (let run = 0; run < RUNS; run++) {
    for (let turn = 0; turn < factors.length; turn++) {
      const factor = factors[(run + turn) % factors.length]!;
      await measure(factor, figures.get(factor)!, run);
    }
  }
}

async function memoryStarts(figures: Map<number, FactorFigures>): Promise<void> {
  await alternating(figures, async (factor, figure, run) => {
    const start = await withPrepared(figure, `${factor}× memory start`, (course) =>
      measureMemoryStart(course, START_TIMEOUT_MS),
    );
    figure.starts.push(start);
    log(
      `${factor}× memory start ${run + 1}/${RUNS}: ${
        start.ok
          ? `${ms(start.value.startMs)}, first search ${ms(start.value.firstSearchMs)}, RSS ${mib(start.value.rssAfterAnswer)} / ${mib(start.value.rssAfterSearch)} MiB`
          : start.failure
      }`,
    );
  });
}

async function bundleLoads(figures: Map<number, FactorFigures>): Promise<void> {
  await alternating(figures, async (factor, figure, run) => {
    const load = await withPrepared(figure, `${factor}× uncached bundle`, (course) =>
      measureUncachedBundle(course, LOAD_SECONDS, START_TIMEOUT_MS),
    );
    figure.bundleLoads.push(load);
    log(
      `${factor}× uncached bundle ${run + 1}/${RUNS}: ${
        load.ok
          ? `search index built ${ms(load.value.indexBuiltMs)} after the first answer; p99 ${load.value.p99} ms, ${Math.round(load.value.rps)} rps`
          : load.failure
      }`,
    );
  });
}

// The Firestore rows; returns what the table's notes must say about them.
async function firestore(figures: Map<number, FactorFigures>): Promise<string> {
  if (!findEmulator()) {
    const reason =
      'skipped: no Firestore emulator installed (Cloud SDK component cloud-firestore-emulator, or FIRESTORE_EMULATOR_BIN)';
    process.stderr.write(`\n!!! scale: the Firestore rows are ${reason}\n\n`);
    for (const figure of figures.values()) {
      figure.seed = { ok: false, failure: reason };
    }
    return reason;
  }
  const emulator = await attempt('starting the Firestore emulator', () => startEmulator());
  if (!emulator.ok) {
    for (const figure of figures.values()) figure.seed = emulator;
    return `the emulator did not start: ${emulator.failure}`;
  }
  return withCleanup(
    () => emulator.value.stop(),
    async () => {
      await attempt('warming up the emulator', () => warmUpEmulator(emulator.value.host));
      const projects = new Map<number, FirestoreProject>();
      for (const [factor, figure] of figures) {
        const project = newProject(emulator.value.host, factor);
        log(`${factor}× npm run seed into the emulator`);
        figure.seed = await withPrepared(figure, `${factor}× npm run seed`, (course) =>
          seedWithCli(project, course, SEED_TIMEOUT_MS),
        );
        log(`${factor}× seed: ${figure.seed.ok ? ms(figure.seed.value) : figure.seed.failure}`);
        figure.completion = await withPrepared(figure, `${factor}× completing the seed`, (course) =>
          completeSeed(project, course),
        );
        if (!figure.completion.ok) continue;
        projects.set(factor, project);
        figure.reads = await attempt(`${factor}× reads per start`, () => readsPerStart(project));
        log(
          `${factor}× reads per start: ${figure.reads.ok ? `${figure.reads.value.documentsRead} in ${ms(figure.reads.value.ms)}` : figure.reads.failure}`,
        );
      }
      await alternating(figures, async (factor, figure, run) => {
        const project = projects.get(factor);
        if (!project) return;
        const start = await attempt(`${factor}× Firestore cold start`, () =>
          firestoreColdStart(project, FIRESTORE_TIMEOUT_MS),
        );
        figure.firestoreStarts.push(start);
        log(
          `${factor}× Firestore start ${run + 1}/${RUNS}: ${start.ok ? ms(start.value) : start.failure}`,
        );
      });
      return '';
    },
  );
}

function table(
  figures: Map<number, FactorFigures>,
  firestoreNote: string,
  loadBefore: number[],
): string {
  const factors = [...figures.keys()];
  const all = [...figures.values()];
  const row = (label: string, cell: (figure: FactorFigures) => string) =>
    `| ${label} | ${all.map(cell).join(' | ')} |`;
  const value = <T>(figure: Figure<T> | undefined, format: (value: T) => string) =>
    figure === undefined ? '—' : figure.ok ? format(figure.value) : figure.failure;
  const startsOf = (figure: FactorFigures, pick: (start: MemoryStart) => number) =>
    figure.starts.map((start): Figure<number> =>
      start.ok ? { ok: true, value: pick(start.value) } : start,
    );
  const bundlesOf = (figure: FactorFigures, pick: (load: BundleLoad) => number) =>
    figure.bundleLoads.map((load): Figure<number> =>
      load.ok ? { ok: true, value: pick(load.value) } : load,
    );
  const completed = all.flatMap((figure, i) =>
    figure.seed && !figure.seed.ok && figure.completion?.ok
      ? [`${factors[i]}× (${figure.completion.value} commits)`]
      : [],
  );
  const loadAfter = loadavg();
  return [
    `\`BENCH_SCALE_FACTORS=${factors.join(',')} npm run bench -- scale\`, ${new Date().toISOString().slice(0, 10)}: the course (seed/) copied ${factors.map((f) => `${f}×`).join(', ')} by bench/scaleCourse.ts (categories shared; concepts, relations, comparisons and lessons copied, each copy pointing only at its own documents). Start figures are medians of ${RUNS} runs, the factors alternating within each run; a per-run ratio divides a run's start by the ${factors[0]}× start of the same run (the host's slow spells weigh on both). Load average (1/5/15 min) before ${loadBefore.map((l) => l.toFixed(1)).join('/')}, after ${loadAfter.map((l) => l.toFixed(1)).join('/')} (2 cores shared with other sessions).`,
    '',
    `| figure | ${factors.map((f) => `${f}×`).join(' | ')} |`,
    `| --- | ${factors.map(() => '---').join(' | ')} |`,
    row('documents (compiled content)', (f) =>
      value(
        f.prepared,
        (c) => `${c.documents.toLocaleString('en-US')} (${mib(c.compiledBytes)} MiB)`,
      ),
    ),
    row('cold start, memory store (compiled content)', (f) =>
      medianCell(
        startsOf(f, (s) => s.startMs),
        ms,
      ),
    ),
    row(
      `cold start, memory store: per-run ratio to ${factors[0]}× (median; middle half; 95% interval of the median)`,
      (f) =>
        f === all[0]
          ? '—'
          : ratioCell(
              pairedRatios(
                startsOf(f, (s) => s.startMs),
                startsOf(all[0]!, (s) => s.startMs),
              ),
            ),
    ),
    row('RSS after the first answer / after the first search (MiB)', (f) => {
      const answer = medianCell(
        startsOf(f, (s) => s.rssAfterAnswer),
        mib,
      );
      const search = startsOf(f, (s) => s.rssAfterSearch).flatMap((s) => (s.ok ? [s.value] : []));
      return search.length === 0 ? answer : `${answer} / ${mib(median(search))}`;
    }),
    row('first search', (f) =>
      medianCell(
        startsOf(f, (s) => s.firstSearchMs),
        ms,
      ),
    ),
    row('`npm run seed` into the emulator', (f) =>
      value(f.seed, (t) => `${(t / 1000).toFixed(1)} s`),
    ),
    row('Firestore: document reads per instance start', (f) =>
      value(
        f.reads,
        (r) => `${r.documentsRead.toLocaleString('en-US')} (${r.rpcs} RPCs; ${ms(r.ms)})`,
      ),
    ),
    row('Firestore: API cold start', (f) =>
      f.firestoreStarts.length === 0
        ? f.completion && !f.completion.ok
          ? `not seeded: ${f.completion.failure}`
          : '—'
        : medianCell(f.firestoreStarts, ms),
    ),
    row(
      `Firestore: API cold start, per-run ratio to ${factors[0]}× (median; middle half; 95% interval of the median)`,
      (f) =>
        f === all[0] || f.firestoreStarts.length === 0
          ? '—'
          : ratioCell(pairedRatios(f.firestoreStarts, all[0]!.firestoreStarts)),
    ),
    row(`applying one edit to the snapshot (median of ${EDITS}; mean, p99, max)`, (f) =>
      value(
        f.edit,
        (e) => `${ms(e.median)} (mean ${ms(e.mean)}, p99 ${ms(e.p99)}, max ${ms(e.max)})`,
      ),
    ),
    row('search index built, after the first answer (background)', (f) =>
      medianCell(
        bundlesOf(f, (l) => l.indexBuiltMs),
        ms,
      ),
    ),
    row('RSS once the search index is built / after the bundle load (MiB)', (f) =>
      [bundlesOf(f, (l) => l.rssIndexed), bundlesOf(f, (l) => l.rssAfterLoad)]
        .map((cells) => medianCell(cells, mib))
        .join(' / '),
    ),
    row(
      'uncached lesson bundle p99 under load (rps)',
      (f) =>
        medianCell(
          bundlesOf(f, (l) => l.p99),
          ms,
        ) + bundleExtras(f.bundleLoads),
    ),
    '',
    "Rows: cold start = spawning `functions-framework --target=api` (the `npm run build` output, copied with its `dist/content.json` compiled from the scaled seed by `node dist/cli/compileSeed.js`, as the build does; production; memory store; SEED_DIR the scaled seed) until the first good answer to coldStart.bench.ts's query; RSS from /proc (VmRSS); first search = the first `search(query: " +
      JSON.stringify(FIRST_SEARCH_QUERY) +
      ')` after that answer.',
    `\`npm run seed\` = \`node dist/cli/seed.js --dir <scaled seed>\` (the build already made) into a new project on the Firestore emulator (warmed up by one read of another project), default settings; reads per start = the Firestore adapter's own count of documents read by a new read model's first load (the revision document included), in-process without a deadline, with the time it took (the API gives it STORE_TIMEOUT_MS, 5 s by default); Firestore API cold start = the deployable on STORE=firestore with default settings until the first good answer, killed after ${FIRESTORE_TIMEOUT_MS / 1000} s. Where \`npm run seed\` failed, the rest of the course was imported in-process in 1 MiB batches first${completed.length > 0 ? ` (${completed.join(', ')})` : ''}; the import's change events are marked published before the starts.${firestoreNote ? ` Firestore: ${firestoreNote}.` : ''}`,
    `Edit = \`ReadModel.applyCommitted\` of one concept-summary commit, in-process on a memory store holding the compiled course, the search index built first. Bundle = \`GET ${BUNDLE_PATH}\` (copy 0's lesson: the same answer at every factor) with RESPONSE_CACHE_BYTES=0, so every request misses the response cache; 10 connections, ${LOAD_SECONDS} s after 1 s of warm-up, p99 median of ${RUNS} rounds, each started once the instance had built its search index (polling /healthz as admin every 10 ms from the first bundle answer: the row above).`,
  ].join('\n');
}

// Requests per second, and errors if there were any, beside the bundle's p99.
function bundleExtras(loads: Figure<BundleLoad>[]): string {
  const done = loads.flatMap((load) => (load.ok ? [load.value] : []));
  if (done.length === 0) return '';
  const errors = done.reduce((sum, load) => sum + load.errors + load.non2xx, 0);
  return ` (${Math.round(median(done.map((load) => load.rps)))} rps${errors > 0 ? `, ${errors} errors` : ''})`;
}

function ms(value: number): string {
  return value >= 100
    ? `${Math.round(value).toLocaleString('en-US')} ms`
    : `${value.toFixed(1)} ms`;
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);
}

function log(line: string): void {
  process.stderr.write(`scale: ${line}\n`);
}
