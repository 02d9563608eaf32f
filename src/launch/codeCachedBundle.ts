import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * What became of the V8 code cache at launch: `accepted` (V8 used it), `rejected` (V8 refused
 * it: another Node version or other V8 heap flags), `stale` (made for another bundle), `absent`.
 */
export type CodeCacheOutcome = 'accepted' | 'rejected' | 'stale' | 'absent';

/** A CommonJS bundle evaluated through a V8 code cache. */
export interface LaunchedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  outcome: CodeCacheOutcome;
  /**
   * Writes the cache for this bundle as it is compiled now: call it after the bundle has served
   * representative requests, so that the functions those compiled are in the cache too.
   */
  writeCodeCache: () => void;
}

// The cache file: the SHA-256 of the bundle it was made for, then V8's cached data. V8 itself
// checks its version and flags but compares sources only by length, so the digest is ours.
const DIGEST_BYTES = 32;

/**
 * Evaluates the CommonJS bundle at `bundleFile` as Node's require would (same wrapper, its own
 * `require` resolving from the bundle's directory), compiling it from the code cache at
 * `cacheFile` when that was made for these very bytes. V8 then deserializes the functions the
 * build's warm-up compiled instead of parsing and compiling them again: at a cold start that is
 * most of the time spent on our code. Without a usable cache it compiles as usual.
 */
export function launchWithCodeCache(bundleFile: string, cacheFile: string): LaunchedBundle {
  const source = readFileSync(bundleFile);
  const digest = createHash('sha256').update(source).digest();
  const cache = readCache(cacheFile);
  const matches = cache !== undefined && digest.equals(cache.subarray(0, DIGEST_BYTES));
  const script = new Script(nodeModule.wrap(source.toString('utf8')), {
    filename: bundleFile,
    ...(matches ? { cachedData: cache.subarray(DIGEST_BYTES) } : {}),
  });
  const outcome: CodeCacheOutcome =
    cache === undefined
      ? 'absent'
      : !matches
        ? 'stale'
        : script.cachedDataRejected
          ? 'rejected'
          : 'accepted';
  const module = { exports: {} as unknown };
  const evaluate = script.runInThisContext() as (...args: unknown[]) => void;
  evaluate.call(
    module.exports,
    module.exports,
    nodeModule.createRequire(bundleFile),
    module,
    bundleFile,
    dirname(bundleFile),
  );
  return {
    exports: module.exports,
    outcome,
    writeCodeCache: () =>
      writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()])),
  };
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}
