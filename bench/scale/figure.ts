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
