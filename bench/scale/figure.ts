import { NotReadyError } from '../throughput/serverProcess.js';

/** A measured value, or why it could not be measured. */
export type Figure<T> = { ok: true; value: T } | { ok: false; failure: string };

/**
 * Runs one measurement: whatever it throws becomes the figure's failure, as a table cell says
 * it ("fails: <first line of the message>"; a server that did not start in time: "not ready
 * after N s"), so one broken figure is printed as such and the others are still measured. The
 * failure is also written to stderr with `label`, in full.
 */
export async function attempt<T>(label: string, measure: () => Promise<T>): Promise<Figure<T>> {
  try {
    return { ok: true, value: await measure() };
  } catch (error) {
    process.stderr.write(`scale: ${label} failed: ${describe(error, Infinity)}\n`);
    return { ok: false, failure: failureText(error) };
  }
}

/** A failure as a table cell says it. */
export function failureText(error: unknown): string {
  return error instanceof NotReadyError ? error.message : `fails: ${describe(error)}`;
}

/** An error's message (first line, at most `max` characters), for a table cell. */
export function describe(error: unknown, max = 100): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((text) => text.trim() !== '') ?? message;
  const clean = line.trim().replaceAll('|', '/');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * The median of a figure measured several times, formatted. A failed run counts as slower than
 * any that succeeded (a start that never became ready is not a fast one), so when most runs
 * failed the cell is the failure; failures beside a median are counted, and successes beside a
 * failure are listed.
 */
export function medianCell(runs: Figure<number>[], format: (value: number) => string): string {
  const values = runs.flatMap((run) => (run.ok ? [run.value] : [])).sort((a, b) => a - b);
  const failures = runs.flatMap((run) => (run.ok ? [] : [run.failure]));
  if (runs.length === 0) return '—';
  const middle = Math.floor((runs.length - 1) / 2);
  if (middle >= values.length) {
    return values.length === 0
      ? failures[0]!
      : `${failures[0]!} (${values.length} of ${runs.length} succeeded: ${values.map(format).join(', ')})`;
  }
  const cell = format(values[middle]!);
  return failures.length === 0
    ? cell
    : `${cell} (${failures.length} of ${runs.length} failed: ${failures[0]})`;
}

/** The median (lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

/** The q-quantile (0 ≤ q ≤ 1) of some values, linearly interpolated between ranks. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * Each run's figure divided by the baseline's figure of the same run, for the runs where both
 * were measured. The factors alternate within a run, so a slow spell of the shared host weighs
 * on both sides of a ratio: its spread is the measurement's, where the ratio of two medians
 * also carries each median's own noise.
 */
export function pairedRatios(runs: Figure<number>[], baseline: Figure<number>[]): number[] {
  return runs.flatMap((run, i) => {
    const base = baseline[i];
    return run.ok && base?.ok ? [run.value / base.value] : [];
  });
}

/**
 * Where the median of what `values` sample lies, with at least `confidence` (95% by default):
 * the k-th smallest and k-th largest value, for the largest k such that a fair coin tossed
 * `values.length` times shows fewer than k heads with probability at most (1 − confidence) / 2
 * (each value is above the median or below it as a toss is heads or tails). Exact for
 * any distribution (the order statistics' interval for a median, no resampling, so a table's
 * cell is the same whoever prints it from the same runs); undefined when there are too few
 * values for that confidence (under 6 at 95%). A goal set on a median is met with that
 * confidence when the whole interval is on its side of the line, whatever the runs' own spread.
 */
export function medianInterval(
  values: readonly number[],
  confidence = 0.95,
): [number, number] | undefined {
  const n = values.length;
  const tail = (1 - confidence) / 2;
  // P(heads ≤ i) summed in log space: 2^-n underflows past a thousand tosses.
  let logTerm = -n * Math.LN2;
  let below = Math.exp(logTerm);
  let k = 0;
  while (k < n && below <= tail) {
    k += 1;
    logTerm += Math.log((n - k + 1) / k);
    below += Math.exp(logTerm);
  }
  if (k === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[k - 1]!, sorted[n - k]!];
}

/**
 * Ratios as a table cell: their median, then their middle half, then the 95% interval of the
 * median where there are enough ("1.47× (1.36–1.50; median 1.41–1.49)", see medianInterval).
 */
export function ratioCell(ratios: readonly number[]): string {
  if (ratios.length === 0) return '—';
  const x = (q: number) => quantile(ratios, q).toFixed(2);
  if (ratios.length < 4) return `${x(0.5)}×`;
  const interval = medianInterval(ratios);
  const ofMedian = interval ? `; median ${interval[0].toFixed(2)}–${interval[1].toFixed(2)}` : '';
  return `${x(0.5)}× (${x(0.25)}–${x(0.75)}${ofMedian})`;
}
