/** Latency summary of a series of timings, in milliseconds. */
export interface LatencySummary {
  runs: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Percentiles of timings (nearest rank). */
export function summarize(timingsMs: number[]): LatencySummary {
  const sorted = [...timingsMs].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return {
    runs: sorted.length,
    p50: at(50),
    p99: at(99),
    mean: sorted.reduce((sum, t) => sum + t, 0) / Math.max(1, sorted.length),
  };
}

/** Milliseconds taken by `work`, with the high-resolution clock. */
export function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A number with a fixed number of significant decimals, for tables. */
export function fmt(value: number, digits = 3): string {
  return value < 1 ? value.toFixed(digits) : value.toFixed(Math.max(0, digits - 2));
}
