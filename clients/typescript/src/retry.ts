/** How often and how long the client retries an answer of 503 (UNAVAILABLE). */
export interface RetryPolicy {
  /** Retries after the first attempt (0: none). Default 3. */
  retries: number;
  /** The first wait, doubled at each retry. Default 200 ms. */
  baseDelayMs: number;
  /** No wait is longer, Retry-After included. Default 5 s. */
  maxDelayMs: number;
}

/** The default policy: 3 retries after 200, 400 and 800 ms (or what Retry-After asks, up to 5 s). */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 200, maxDelayMs: 5000 };

/**
 * The wait before retry number `attempt` (0 for the first retry): what the answer's Retry-After
 * asks (seconds or an HTTP date) when it sent one, else exponential backoff with jitter (so
 * clients refused together do not all come back at once), never above `maxDelayMs`.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now = Date.now(),
): number {
  const asked = parseRetryAfter(retryAfter, now);
  const backoff = policy.baseDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
  return Math.min(policy.maxDelayMs, Math.max(0, asked ?? backoff));
}

/** Retry-After in milliseconds from now; null when absent or unreadable. */
function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : date - now;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
