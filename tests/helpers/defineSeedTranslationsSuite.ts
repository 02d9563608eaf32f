import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { COLLECTIONS } from '../../src/domain/bundle.js';
import { fieldTranslations } from '../../src/domain/translation/translationState.js';
import { defaultSeedDir } from '../../src/paths.js';
import { exportBundle, writeSeedDirectory } from '../../src/seed/exportBundle.js';
import { importSeed, type ImportSeedResult } from '../../src/seed/importSeed.js';
import type { ContentStore, StoredDocument } from '../../src/store/contentStore.js';

const SEED = defaultSeedDir();

/** Makes a fresh, empty store for one step of a test. */
export type StoreFactory = () => Promise<ContentStore>;

/**
 * Seed files keep translation state, on whichever store `makeStore` opens: the shipped course
 * imports CURRENT everywhere and its records export byte for byte; a Korean edit in a copy of
 * the seed outdates exactly that English (the report says so, the stored record keeps the old
 * Korean) and a second import writes nothing; the outdated state survives export and re-import.
 */
export function defineSeedTranslationsSuite(makeStore: StoreFactory): void {
  const opened: ContentStore[] = [];
  const tempDirs: string[] = [];
  const store = async () => {
    const made = await makeStore();
    opened.push(made);
    return made;
  };
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seed-translations-'));
    tempDirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** A store holding the shipped seed, then a copy of it whose encoder definition is reworded in Korean. */
  async function outdatedStore() {
    const target = await store();
    const first = await importSeed(target, SEED);
    const dir = await tempDir();
    await cp(SEED, dir, { recursive: true });
    const file = join(dir, 'concepts/encoder.yaml');
    const encoder = parse(await readFile(file, 'utf8'));
    const oldKorean: string = encoder.definition.ko;
    encoder.definition.ko = `${oldKorean} 인코더만 쓰는 모델도 있다.`;
    await writeFile(file, stringify(encoder));
    const edited = await importSeed(target, dir);
    return { target, first, edited, dir, oldKorean, newKorean: encoder.definition.ko as string };
  }

  it('imports the shipped course CURRENT everywhere, and a Korean edit outdates exactly that English', async () => {
    const { target, first, edited, oldKorean, newKorean } = await outdatedStore();
    expect(outdatedIn(first)).toEqual({});
    expect(outdatedIn(edited)).toEqual({ concepts: [{ id: 'encoder', paths: ['definition'] }] });
    expect(edited.report.concepts.updated).toEqual(['encoder']);

    const documents = (await target.readChanges(0)).documents;
    const states = documents.flatMap((doc) =>
      fieldTranslations(doc.collection, doc.data, doc.translations).map((field) => ({
        at: `${doc.collection}/${doc.id}:${field.path}`,
        ...field,
      })),
    );
    expect(states.filter((field) => field.state !== 'CURRENT').map((field) => field.at)).toEqual([
      'concepts/encoder:definition',
    ]);
    const definition = states.find((field) => field.at === 'concepts/encoder:definition')!;
    expect(definition).toMatchObject({ ko: newKorean, source: oldKorean });
    expect(Date.parse(definition.since!)).not.toBeNaN();
    // The encoder is published: its history records that the import kept it so.
    const [latest] = await target.readHistory('concepts', 'encoder', 1);
    expect(latest!.translationEvents).toEqual([
      { kind: 'PUBLISHED_OUTDATED', paths: ['definition'] },
    ]);
  });

  it('writes nothing when the edited seed is imported again', async () => {
    const { target, dir } = await outdatedStore();
    const before = versions((await target.readChanges(0)).documents);
    const again = await importSeed(target, dir);
    expect(again.commits).toBe(0);
    for (const collection of COLLECTIONS) {
      const diff = again.report[collection];
      expect([diff.created, diff.updated, diff.deleted, diff.outdated]).toEqual([[], [], [], []]);
    }
    expect(versions((await target.readChanges(0)).documents)).toEqual(before);
  });

  it('keeps the outdated state through export and re-import, losslessly', async () => {
    const { target, oldKorean } = await outdatedStore();
    const exported = join(await tempDir(), 'export');
    await writeSeedDirectory(await exportBundle(target), exported);
    const sidecar = parse(await readFile(join(exported, 'translations/concepts.yaml'), 'utf8'));
    expect(sidecar.encoder.definition).toMatchObject({ source: oldKorean });

    // Into the store it came from: nothing to write. Into a fresh one: the same records.
    expect((await importSeed(target, exported)).commits).toBe(0);
    const fresh = await store();
    const imported = await importSeed(fresh, exported);
    expect(outdatedIn(imported)).toEqual({ concepts: [{ id: 'encoder', paths: ['definition'] }] });
    expect(records((await fresh.readChanges(0)).documents)).toEqual(
      records((await target.readChanges(0)).documents),
    );
    expect((await importSeed(fresh, exported)).commits).toBe(0);

    // And the fresh store exports the same bytes.
    const again = join(await tempDir(), 'again');
    await writeSeedDirectory(await exportBundle(fresh), again);
    expect(await filesOf(again)).toEqual(await filesOf(exported));
  });

  it('exports the shipped course with its translation records byte for byte', async () => {
    const target = await store();
    await importSeed(target, SEED);
    const exported = join(await tempDir(), 'export');
    await writeSeedDirectory(await exportBundle(target), exported);
    const shipped = await filesOf(join(SEED, 'translations'));
    expect(Object.keys(shipped).length).toBeGreaterThan(0);
    expect(await filesOf(join(exported, 'translations'))).toEqual(shipped);
  });
}

/** The report's outdated documents, per collection that has any. */
function outdatedIn(result: ImportSeedResult) {
  return Object.fromEntries(
    COLLECTIONS.filter((collection) => result.report[collection].outdated.length > 0).map(
      (collection) => [collection, result.report[collection].outdated],
    ),
  );
}

function versions(documents: StoredDocument[]): Record<string, number> {
  return Object.fromEntries(documents.map((doc) => [`${doc.collection}/${doc.id}`, doc.version]));
}

function records(documents: StoredDocument[]): Record<string, unknown> {
  return Object.fromEntries(
    documents.map((doc) => [`${doc.collection}/${doc.id}`, doc.translations ?? {}]),
  );
}

/** Every file under a directory, relative path -> text. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Object.fromEntries(
    await Promise.all(
      files.map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), await readFile(path, 'utf8')] as const;
      }),
    ),
  );
}
