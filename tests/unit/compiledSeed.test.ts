// The compiled seed stands in for the seed directory only while their fingerprints match.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeedBundle } from '../../src/seed/compiledSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { seedFingerprint } from '../../src/seed/seedFingerprint.js';

describe('loadSeedBundle', () => {
  it('uses the compiled copy when the fingerprint matches, and parses the directory otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'compiled-seed-'));
    const parsed = await loadSeedDirectory(defaultSeedDir());
    // A marker only the compiled copy has, to see which one was used.
    const marked = { ...parsed, categories: parsed.categories.slice(0, 1) };
    const file = join(dir, 'content.json');

    await writeFile(
      file,
      JSON.stringify({ fingerprint: await seedFingerprint(defaultSeedDir()), bundle: marked }),
    );
    expect(await loadSeedBundle(defaultSeedDir(), file)).toEqual({ bundle: marked });

    await writeFile(file, JSON.stringify({ fingerprint: 'stale', bundle: marked }));
    expect(await loadSeedBundle(defaultSeedDir(), file)).toEqual({ bundle: parsed });

    expect(await loadSeedBundle(defaultSeedDir(), join(dir, 'missing.json'))).toEqual({
      bundle: parsed,
    });
  });
});
