/**
 * The Standard Webhooks recommended retry delays after the first attempt: 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h (27 h 35 min in all, well past a day-long outage). After the last one
 * fails, the delivery is dead-lettered (FAILED).
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** The most jitter adds to a delay: a tenth of it, so retries never come earlier than scheduled. */
export const MAX_JITTER = 0.1;

/**
 * How long to wait before the next attempt after `failedAttempts` attempts of the current
 * schedule failed (1 after the first attempt), or null when the schedule has run out. `random`
 * (0 ≤ r < 1) spreads the retries of many deliveries that failed together (an outage), so they
 * do not all hit the receiver again in the same second.
 */
export function nextRetryDelay(
  failedAttempts: number,
  random: () => number = Math.random,
): number | null {
  const base = RETRY_DELAYS_MS[failedAttempts - 1];
  if (base === undefined || failedAttempts < 1) return null;
  return Math.round(base * (1 + MAX_JITTER * random()));
}
