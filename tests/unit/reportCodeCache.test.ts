// The launcher's one log line about the code cache (src/launch/reportCodeCache.ts).
import { jest } from '@jest/globals';
import { reportCodeCache } from '../../src/launch/reportCodeCache.js';

function linesOf(run: () => void): Record<string, unknown>[] {
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    run();
    return log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
  } finally {
    log.mockRestore();
  }
}

describe('reportCodeCache', () => {
  it.each(['rejected', 'stale', 'absent'] as const)(
    'warns in Cloud Logging JSON when the cache is %s',
    (outcome) => {
      const [line, ...more] = linesOf(() => reportCodeCache(outcome, 'info'));
      expect(more).toEqual([]);
      expect(line).toEqual({
        severity: 'WARNING',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        message: expect.stringContaining('code cache'),
      });
    },
  );

  it('says nothing about an accepted cache unless LOG_LEVEL is debug or lower', () => {
    expect(linesOf(() => reportCodeCache('accepted', 'info'))).toEqual([]);
    expect(linesOf(() => reportCodeCache('accepted', 'debug'))).toEqual([
      expect.objectContaining({ severity: 'DEBUG', message: 'V8 code cache accepted' }),
    ]);
    expect(linesOf(() => reportCodeCache('accepted', 'trace'))).toHaveLength(1);
  });

  it('follows LOG_LEVEL above warn, and reads an unknown level as info', () => {
    expect(linesOf(() => reportCodeCache('absent', 'error'))).toEqual([]);
    expect(linesOf(() => reportCodeCache('absent', 'silent'))).toEqual([]);
    expect(linesOf(() => reportCodeCache('absent', 'loud'))).toHaveLength(1);
    expect(linesOf(() => reportCodeCache('accepted', 'loud'))).toEqual([]);
  });
});
