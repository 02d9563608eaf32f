// The exporter (src/seed/exportBundle.ts, src/cli/exportCommand.ts): the store written back out
// as a seed directory that loads into the same bundle and re-imports into an identical store.
// Real code throughout: memory stores wrapped in CountingStore, real files in temp directories.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { isAlias, isNode, isPair, parseDocument, visit } from 'yaml';
import { EXPORT_USAGE, runExportCommand } from '../../src/cli/exportCommand.js';
import { COLLECTIONS, type ContentBundle } from '../../src/domain/bundle.js';
import { relationId } from '../../src/domain/relation.js';
import { defaultSeedDir } from '../../src/paths.js';
import { exportBundle, ExportError, writeSeedDirectory } from '../../src/seed/exportBundle.js';
import { importSeed } from '../../src/seed/importSeed.js';
import { loadSeed, loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { memorySeedSource } from '../../src/seed/memorySeedSource.js';
import type { ContentStore } from '../../src/store/contentStore.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { CountingStore } from '../helpers/contentFixtures.js';
import { textStream } from '../helpers/textStream.js';

const SEED = defaultSeedDir();
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'export-bundle-'));
  tempDirs.push(dir);
  return dir;
}

/** A store holding the shipped seed. */
async function seededStore(): Promise<CountingStore> {
  const store = new CountingStore(new MemoryStore());
  await importSeed(store, SEED);
  return store;
}

/** `collection/id` -> data of every live document. */
async function liveData(store: ContentStore): Promise<Map<string, unknown>> {
  const { documents } = await store.readChanges(0);
  return new Map(
    documents.filter((d) => !d.deleted).map((d) => [`${d.collection}/${d.id}`, d.data]),
  );
}

/** Files under a directory, relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

// The list files (categories.yaml, relations.yaml) are authored in teaching order, which a
// store does not keep; the exporter sorts them. Comparing with the authored seed therefore
// sorts those two lists the same way; every other collection must match in order as it is.
function withSortedLists(bundle: ContentBundle): ContentBundle {
  const by =
    <T>(key: (value: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : 1;
  return {
    ...bundle,
    categories: [...bundle.categories].sort(by((c) => c.slug)),
    relations: [...bundle.relations].sort(by(relationId)),
  };
}

async function exportCommand(argv: string[], store: ContentStore) {
  const out = textStream();
  const err = textStream();
  const code = await runExportCommand(argv, { store, out: out.stream, err: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('exportBundle and writeSeedDirectory', () => {
  it('round-trips the shipped seed: the export loads into the same bundle', async () => {
    const store = await seededStore();
    const exported = await exportBundle(store);
    const dir = join(await tempDir(), 'export');
    await writeSeedDirectory(exported, dir);

    const reloaded = await loadSeedDirectory(dir);
    expect(reloaded).toStrictEqual(exported); // exactly, order included

    const authored = await loadSeedDirectory(SEED);
    expect(withSortedLists(reloaded)).toStrictEqual(withSortedLists(authored));
    expect(reloaded.translations).toStrictEqual(authored.translations); // every record, as shipped
    expect(reloaded.concepts.map((c) => c.slug)).toEqual(authored.concepts.map((c) => c.slug));
    for (const collection of COLLECTIONS) {
      expect(reloaded[collection]).toHaveLength(authored[collection].length);
    }
  });

  it('writes the seed layout: list files, one YAML per document, lesson markdown beside it', async () => {
    const store = await seededStore();
    const dir = join(await tempDir(), 'export');
    const written = await writeSeedDirectory(await exportBundle(store), dir);
    const files = await listFiles(dir);
    expect([...written].sort()).toEqual(files);
    const authored = (await listFiles(SEED)).filter((file) => !file.startsWith('source/'));
    expect(files).toEqual(authored);
    // The translation records are written exactly as shipped (the exporter wrote those too).
    for (const file of files.filter((f) => f.startsWith('translations/'))) {
      expect(await readFile(join(dir, file), 'utf8')).toBe(
        await readFile(join(SEED, file), 'utf8'),
      );
    }
    const lesson = await readFile(join(dir, 'lessons/introduction-to-llms.yaml'), 'utf8');
    expect(lesson).toContain(
      'markdown:\n  ko: introduction-to-llms.ko.md\n  en: introduction-to-llms.en.md\n',
    );
    expect(lesson).not.toMatch(/sections|contentHash|readingMinutes/); // derived on load
    expect(await readFile(join(dir, 'lessons/introduction-to-llms.ko.md'), 'utf8')).toBe(
      await readFile(join(SEED, 'lessons/introduction-to-llms.ko.md'), 'utf8'),
    );
    // No anchors or aliases: each value is written out where it is used.
    for (const file of files.filter((f) => f.endsWith('.yaml'))) {
      const anchored: string[] = [];
      visit(parseDocument(await readFile(join(dir, file), 'utf8')), (_key, node) => {
        if (isAlias(node) || ((isNode(node) || isPair(node)) && 'anchor' in node && node.anchor)) {
          anchored.push(String(node));
        }
      });
      expect({ file, anchored }).toEqual({ file, anchored: [] });
    }
  });

  it('re-imports into a fresh store with identical live documents, and then writes nothing', async () => {
    const original = await seededStore();
    const dir = join(await tempDir(), 'export');
    await writeSeedDirectory(await exportBundle(original), dir);

    const fresh = new CountingStore(new MemoryStore());
    const imported = await importSeed(fresh, dir);
    expect(imported.commits).toBe(1);
    const freshData = await liveData(fresh);
    expect(freshData.size).toBeGreaterThan(0);
    expect(freshData).toEqual(await liveData(original));

    // The importer's own equality agrees: the authored seed finds nothing to change.
    const commits = fresh.calls.commit;
    const again = await importSeed(fresh, SEED);
    expect(again.commits).toBe(0);
    expect(fresh.calls.commit).toBe(commits);
    for (const diff of Object.values(again.report)) {
      expect([diff.created, diff.updated, diff.deleted, diff.kept]).toEqual([[], [], [], []]);
    }
  });

  it('leaves out tombstones and is deterministic', async () => {
    const store = await seededStore();
    await store.commit([{ op: 'delete', collection: 'comparisons', id: 'llm-types' }]);
    const first = await exportBundle(store);
    expect(first.comparisons.map((c) => c.slug)).not.toContain('llm-types');
    const a = join(await tempDir(), 'a');
    const b = join(await tempDir(), 'b');
    await writeSeedDirectory(first, a);
    await writeSeedDirectory(await exportBundle(store), b);
    const files = await listFiles(a);
    expect(files).not.toContain('comparisons/llm-types.yaml');
    expect(await listFiles(b)).toEqual(files);
    for (const file of files) {
      expect(await readFile(join(b, file), 'utf8')).toBe(await readFile(join(a, file), 'utf8'));
    }
  });

  it('refuses a directory that is not empty and writes nothing into it', async () => {
    const store = await seededStore();
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'keep me');
    await expect(writeSeedDirectory(await exportBundle(store), dir)).rejects.toThrow(ExportError);
    await expect(writeSeedDirectory(await exportBundle(store), dir)).rejects.toThrow(
      /refusing to export into .*: it is not empty/,
    );
    expect(await readdir(dir)).toEqual(['notes.txt']);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('accepts an existing empty directory', async () => {
    const store = await seededStore();
    const dir = await tempDir();
    await writeSeedDirectory(await exportBundle(store), dir);
    expect(await readdir(dir)).toContain('categories.yaml');
  });
});

describe('runExportCommand', () => {
  it('exports into DIR, prints the counts and exits 0', async () => {
    const store = await seededStore();
    const authored = await loadSeedDirectory(SEED);
    const dir = join(await tempDir(), 'out');
    const { code, out, err } = await exportCommand([dir], store);
    expect(err).toBe('');
    expect(code).toBe(0);
    for (const collection of COLLECTIONS) {
      expect(out).toMatch(new RegExp(`^${collection} +${authored[collection].length}$`, 'm'));
    }
    const total = COLLECTIONS.reduce((n, c) => n + authored[c].length, 0);
    expect(out).toContain(`exported ${total} documents`);
    expect(out).toContain(`to ${dir}\n`);
    expect(await loadSeedDirectory(dir)).toStrictEqual(await exportBundle(store));
  });

  it('fails clearly (exit 1, no stack) when DIR is not empty', async () => {
    const store = await seededStore();
    const dir = await tempDir();
    await mkdir(join(dir, 'concepts'));
    const { code, out, err } = await exportCommand([dir], store);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^export failed: refusing to export into .*: it is not empty/);
    expect(err).not.toMatch(/^\s+at /m);
    expect(await readdir(join(dir, 'concepts'))).toEqual([]);
  });

  it.each([[[]], [['a', 'b']], [['--bogus', 'dir']]])(
    'rejects bad usage %j with the usage text and exit 2',
    async (argv) => {
      const store = new CountingStore(new MemoryStore());
      const { code, out, err } = await exportCommand(argv, store);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(EXPORT_USAGE);
      expect(store.total()).toBe(0);
    },
  );
});

describe('runExportCommand to a .zip', () => {
  it('writes a ZIP of the seed directory that loads, from memory, into the exported bundle', async () => {
    const store = await seededStore();
    const path = join(await tempDir(), 'course.zip');
    const { code, out, err } = await exportCommand([path], store);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`to ${path}\n`);
    const files = Object.entries(unzipSync(new Uint8Array(await readFile(path)))).map(
      ([file, bytes]) => ({ path: file, content: strFromU8(bytes) }),
    );
    expect(files.map((file) => file.path)).toContain('concepts/encoder.yaml');
    expect(await loadSeed(memorySeedSource(files))).toStrictEqual(await exportBundle(store));
    // An existing file is never overwritten.
    const again = await exportCommand([path], store);
    expect(again.code).toBe(1);
  });
});
