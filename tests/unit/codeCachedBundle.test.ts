// The launcher's code cache (src/launch/codeCachedBundle.ts) on a small bundle of its own: used
// only when V8 accepts it and it was made for these very bytes; without it the bundle still runs.
// V8 keeps compiled scripts per process keyed by source and file name, and on such a hit never
// reads the cached data: so every launch here runs the same bytes under a new file name.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithCodeCache } from '../../src/launch/codeCachedBundle.js';

const BUNDLE = `
  const { join } = require('node:path');
  function greet(name) { return 'hello ' + name; }
  module.exports = { greeting: greet('cache'), file: __filename, joined: join(__dirname, 'x'),
    exportsIsThis: this === exports };
`;

let dir: string;
let cacheFile: string;
let launches = 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'code-cache-'));
  cacheFile = join(dir, 'bundle.cjs.v8cache');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Launches `source` from a file name this process has not compiled before. */
async function launch(source = BUNDLE) {
  const bundleFile = join(dir, `bundle-${++launches}.cjs`);
  await writeFile(bundleFile, source);
  return { bundleFile, launched: launchWithCodeCache(bundleFile, cacheFile) };
}

describe('launchWithCodeCache', () => {
  it('runs the bundle as Node would require it, without a cache: absent', async () => {
    const { bundleFile, launched } = await launch();
    expect(launched.outcome).toBe('absent');
    expect(launched.exports).toEqual({
      greeting: 'hello cache',
      file: bundleFile,
      joined: join(dir, 'x'),
      exportsIsThis: true,
    });
  });

  it('writes a cache headed by the bundle digest, which the next launch uses: accepted', async () => {
    (await launch()).launched.writeCodeCache();
    const written = await readFile(cacheFile);
    const digest = createHash('sha256').update(BUNDLE).digest();
    expect(written.subarray(0, 32).equals(digest)).toBe(true);
    expect(written.length).toBeGreaterThan(32);
    const next = (await launch()).launched;
    expect(next.outcome).toBe('accepted');
    expect((next.exports as { greeting: string }).greeting).toBe('hello cache');
  });

  it('ignores a cache made for other bytes of the same length: stale', async () => {
    (await launch()).launched.writeCodeCache();
    // Same length on purpose: V8's own check compares lengths, not contents.
    const changed = BUNDLE.replace("greet('cache')", "greet('CACHE')");
    expect(changed.length).toBe(BUNDLE.length);
    const { launched } = await launch(changed);
    expect(launched.outcome).toBe('stale');
    expect((launched.exports as { greeting: string }).greeting).toBe('hello CACHE');
  });

  it('compiles as usual when V8 refuses the cached data: rejected', async () => {
    (await launch()).launched.writeCodeCache();
    const written = await readFile(cacheFile);
    const garbled = Buffer.from(written);
    garbled.fill(0x5a, 32 + 8);
    await writeFile(cacheFile, garbled);
    const { launched } = await launch();
    expect(launched.outcome).toBe('rejected');
    expect((launched.exports as { greeting: string }).greeting).toBe('hello cache');
  });

  it('lets a throwing bundle throw (a broken start must fail loudly)', async () => {
    await expect(launch("throw new Error('bundle failed to start');")).rejects.toThrow(
      'bundle failed to start',
    );
  });
});
