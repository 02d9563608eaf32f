import {
  MAX_JITTER,
  RETRY_DELAYS_MS,
  nextRetryDelay,
} from '../../src/webhooks/deliverySchedule.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('the retry schedule', () => {
  it('follows the Standard Webhooks schedule after the first attempt, then gives up', () => {
    const none = () => 0;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((failed) => nextRetryDelay(failed, none));
    expect(delays).toEqual([
      5 * SECOND,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      10 * HOUR,
    ]);
    expect(nextRetryDelay(8, none)).toBeNull();
    expect(nextRetryDelay(0, none)).toBeNull();
  });

  it('retries for more than 12 hours in all', () => {
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12 * HOUR);
  });

  it('adds jitter up to a tenth, never retrying earlier than scheduled', () => {
    for (const r of [0, 0.25, 0.5, 0.999_999]) {
      for (let failed = 1; failed <= RETRY_DELAYS_MS.length; failed++) {
        const delay = nextRetryDelay(failed, () => r)!;
        const base = RETRY_DELAYS_MS[failed - 1]!;
        expect(delay).toBeGreaterThanOrEqual(base);
        expect(delay).toBeLessThanOrEqual(base * (1 + MAX_JITTER));
      }
    }
    expect(nextRetryDelay(2, () => 0.5)).toBe(5 * MINUTE * 1.05);
  });
});
