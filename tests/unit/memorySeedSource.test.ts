// The memory SeedSource (src/seed/memorySeedSource.ts): a seed held as files in memory, read by
// the same loader as a seed directory (loadSeed), with the same result and the same issues, and
// issues that name their line.
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeed, loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { memorySeedSource } from '../../src/seed/memorySeedSource.js';
import { SeedValidationError } from '../../src/seed/seedError.js';
import { editSeedFile, readSeedFileList } from '../helpers/seedFiles.js';

const FILES = [
  { path: 'categories.yaml', content: '[]\n' },
  { path: 'concepts/a.yaml', content: 'slug: a\n' },
  { path: 'concepts/b.yaml', content: 'slug: b\n' },
  { path: 'lessons/x/deep.md', content: '# deep\n' },
];

async function loadError(files: { path: string; content: string }[]) {
  try {
    await loadSeed(memorySeedSource(files));
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error('expected the seed to be refused');
}

describe('memorySeedSource', () => {
  it('lists the files directly inside a directory, the root included', async () => {
    const source = memorySeedSource(FILES);
    expect(await source.list('')).toEqual(['categories.yaml']);
    expect((await source.list('concepts')).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(await source.list('lessons')).toEqual([]);
    expect(await source.list('lessons/x')).toEqual(['deep.md']);
    expect(await source.list('nothing')).toEqual([]);
  });

  it('reads a file by its path, and nothing for a missing one', async () => {
    const source = memorySeedSource(FILES);
    expect(await source.read('concepts/a.yaml')).toBe('slug: a\n');
    expect(await source.read('concepts//a.yaml')).toBe('slug: a\n');
    expect(await source.read('concepts/c.yaml')).toBeUndefined();
    expect(await source.exists()).toBe(true);
  });

  it('loads the shipped seed from its files exactly as from its directory', async () => {
    const files = await readSeedFileList(defaultSeedDir());
    expect(await loadSeed(memorySeedSource(files))).toStrictEqual(
      await loadSeedDirectory(defaultSeedDir()),
    );
  });

  it('reports the issues of files in memory with their line', async () => {
    const files = await readSeedFileList(defaultSeedDir());
    const broken = editSeedFile(files, 'concepts/encoder.yaml', (text) =>
      text.replace('slug: encoder\n', 'slug: encoder\nunknown: 1\n'),
    );
    const error = await loadError(broken);
    expect(error.issues).toEqual([
      { file: 'concepts/encoder.yaml', path: [], message: expect.stringMatching(/unknown/) },
    ]);
    // The file as a whole starts at line 1 (an unknown key is the object's issue).
    expect(error.lineOf(error.issues[0]!)).toBe(1);
  });

  it('names the line of a YAML syntax error and of a missing file', async () => {
    const files = await readSeedFileList(defaultSeedDir());
    const broken = editSeedFile(files, 'categories.yaml', (text) => `${text}\n- : [\n`);
    const syntax = await loadError(broken);
    expect(syntax.issues[0]).toMatchObject({ file: 'categories.yaml' });
    expect(syntax.lineOf(syntax.issues[0]!)).toBeGreaterThan(1);
    const missing = await loadError(files.filter((file) => file.path !== 'categories.yaml'));
    expect(missing.issues[0]).toEqual({
      file: 'categories.yaml',
      path: [],
      message: 'file does not exist',
    });
    expect(missing.lineOf(missing.issues[0]!)).toBeUndefined();
  });
});
