/**
 * Restoring the compiled course (src/seed/restoreContent.ts, the memory store's start-up) stores
 * the same documents and translation records as importing it, without planning or tracking.
 */
import { defaultSeedDir } from '../../src/paths.js';
import { finalRecords } from '../../src/seed/storedCourse.js';
import { importBundle } from '../../src/seed/importSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { restoreContent } from '../../src/seed/restoreContent.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { StoredDocument } from '../../src/store/contentStore.js';

const stored = (documents: StoredDocument[]) =>
  Object.fromEntries(
    documents.map((doc) => [
      `${doc.collection}/${doc.id}`,
      { data: doc.data, translations: doc.translations },
    ]),
  );

describe('restoreContent', () => {
  it('stores what an import of the same course stores', async () => {
    const bundle = await loadSeedDirectory(defaultSeedDir());
    const imported = new MemoryStore();
    await importBundle(imported, bundle);
    const restored = new MemoryStore();
    await restoreContent(restored, bundle, finalRecords(bundle, new Date().toISOString()));
    const expected = stored((await imported.readChanges(0)).documents);
    expect(Object.keys(expected).length).toBeGreaterThan(70);
    expect(stored((await restored.readChanges(0)).documents)).toEqual(expected);
  });

  it('tracks English a translator rewrote in the YAML (a stale record) as current at build time', async () => {
    const bundle = await loadSeedDirectory(defaultSeedDir());
    const encoder = bundle.concepts.find((c) => c.slug === 'encoder')!;
    const edited = {
      ...bundle,
      concepts: bundle.concepts.map((c) =>
        c === encoder ? { ...c, summary: { ...c.summary, en: 'A rewritten summary.' } } : c,
      ),
    };
    const records = finalRecords(edited, '2026-12-03T00:00:00.000Z');
    expect(records.concepts!.encoder!.summary).toMatchObject({ at: '2026-12-03T00:00:00.000Z' });
    expect(records.concepts!.encoder!.summary!.since).toBeUndefined();
  });
});
