import { LOG_LEVELS, SEVERITY } from '../observability/logLevels.js';
import type { CodeCacheOutcome } from './codeCachedBundle.js';

// Typed as plain strings: LOG_LEVEL may hold anything here (the bundle's config validates it).
const LEVELS: readonly string[] = LOG_LEVELS;

const MESSAGES: Record<CodeCacheOutcome, string> = {
  accepted: 'V8 code cache accepted',
  rejected:
    'V8 code cache rejected (built with another Node version or other V8 flags): cold starts compile the bundle',
  stale: 'V8 code cache made for another bundle, ignored: rebuild with npm run build',
  absent: 'no V8 code cache beside the bundle: rebuild with npm run build',
};

/**
 * Writes the code cache's outcome as one Cloud Logging JSON line on stdout, like every other
 * log line of the function: DEBUG when accepted, WARNING otherwise (a deployment that lost its
 * cache still works, only its cold starts are slower, so it must be visible).
 */
export function reportCodeCache(
  outcome: CodeCacheOutcome,
  logLevel = process.env.LOG_LEVEL || 'info',
): void {
  const level = outcome === 'accepted' ? 'debug' : 'warn';
  const threshold = LEVELS.indexOf(logLevel);
  if (LEVELS.indexOf(level) < (threshold === -1 ? LEVELS.indexOf('info') : threshold)) return;
  console.log(
    JSON.stringify({
      severity: SEVERITY[level],
      time: new Date().toISOString(),
      message: MESSAGES[outcome],
    }),
  );
}
