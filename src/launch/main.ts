// The deployable's entry (`main`: dist/index.cjs, built from here by scripts/bundle.mjs): runs
// the function's bundle (dist/api.cjs, which registers `api` with the functions framework)
// through the V8 code cache the build made for it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithCodeCache } from './codeCachedBundle.js';
import { reportCodeCache } from './reportCodeCache.js';

const distDir = dirname(fileURLToPath(import.meta.url));
const launched = launchWithCodeCache(join(distDir, 'api.cjs'), join(distDir, 'api.cjs.v8cache'));
reportCodeCache(launched.outcome);

/** Writes the code cache for the running bundle (the build's warm-up calls it). */
export const writeCodeCache = launched.writeCodeCache;
