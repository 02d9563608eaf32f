// How an import plans translation records (src/seed/planImport.ts, importClaims.ts,
// outdatedByImport.ts, formatReport.ts): what each write claims, when a document counts as
// unchanged, and the report of the English an import leaves outdated. The planner runs against
// real memory stores.
import type { ContentBundle } from '../../src/domain/bundle.js';
import type { Concept } from '../../src/domain/concept.js';
import { textFingerprint } from '../../src/domain/translation/fingerprint.js';
import type { TranslationMap } from '../../src/domain/translation/translationRecord.js';
import { fieldTranslations } from '../../src/domain/translation/translationState.js';
import { formatImportReport } from '../../src/seed/formatReport.js';
import { planImport } from '../../src/seed/planImport.js';
import type { ContentStore, DocumentWrite } from '../../src/store/contentStore.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { bundle, category, concept } from '../helpers/contentFixtures.js';

const DEFINITION = { ko: '입력을 표현으로 바꾼다.', en: 'Turns the input into a representation.' };
const REWORDED = '입력 시퀀스를 표현으로 바꾼다.';

const record = (ko: string, en: string) => ({ ko: textFingerprint(ko), en: textFingerprint(en) });

function content(definition: Concept['definition'], claimed?: TranslationMap): ContentBundle {
  return bundle({
    categories: [category('fundamentals', 1)],
    concepts: [concept('encoder', 'fundamentals', { definition })],
    ...(claimed ? { translations: { concepts: { encoder: claimed } } } : {}),
  });
}

async function plan(store: ContentStore, wanted: ContentBundle) {
  return planImport(wanted, (await store.readChanges(0)).documents, { prune: false });
}

/** Plans and commits an import; returns the plan. */
async function imported(store: ContentStore, wanted: ContentBundle) {
  const planned = await plan(store, wanted);
  if (planned.writes.length > 0) await store.commit(planned.writes, { actor: 'importer' });
  return planned;
}

function claimOf(writes: DocumentWrite[], id: string): TranslationMap | undefined {
  const write = writes.find((w) => w.id === id);
  return write?.op === 'put' ? write.translation?.claimed : undefined;
}

async function definitionState(store: ContentStore) {
  const encoder = (await store.readChanges(0)).documents.find((d) => d.id === 'encoder')!;
  return fieldTranslations('concepts', encoder.data, encoder.translations).find(
    (field) => field.path === 'definition',
  )!;
}

describe('planning an import with translation records', () => {
  it('claims the records of each document, and reports nothing outdated when they match the Korean', async () => {
    const claimed = { definition: record(DEFINITION.ko, DEFINITION.en) };
    const { writes, report } = await plan(new MemoryStore(), content(DEFINITION, claimed));
    expect(claimOf(writes, 'encoder')).toEqual(claimed);
    expect(claimOf(writes, 'fundamentals')).toBeUndefined(); // no records for the category
    expect(report.concepts.outdated).toEqual([]);
  });

  it('reports English made from an older Korean as outdated on arrival', async () => {
    const store = new MemoryStore();
    const claimed = { definition: record(DEFINITION.ko, DEFINITION.en) };
    const { report } = await imported(store, content({ ...DEFINITION, ko: REWORDED }, claimed));
    expect(report.concepts.outdated).toEqual([{ id: 'encoder', paths: ['definition'] }]);
    expect(await definitionState(store)).toMatchObject({ state: 'OUTDATED' });
  });

  it('outdates against the stored record when the seed has none, and names it in the report', async () => {
    const store = new MemoryStore();
    await imported(store, content(DEFINITION));
    const { report } = await imported(store, content({ ...DEFINITION, ko: REWORDED }));
    expect(report.concepts).toMatchObject({
      updated: ['encoder'],
      outdated: [{ id: 'encoder', paths: ['definition'] }],
    });
    expect(await definitionState(store)).toMatchObject({
      state: 'OUTDATED',
      source: DEFINITION.ko,
    });
  });

  it('writes nothing when the data is equal and the claims agree in ko and en, whoever made them', async () => {
    const store = new MemoryStore();
    // Imported without records: the store stamps who and when.
    await imported(store, content(DEFINITION));
    const claimed = { definition: record(DEFINITION.ko, DEFINITION.en) };
    const { writes, report } = await plan(store, content(DEFINITION, claimed));
    expect(writes).toEqual([]);
    expect(report.concepts.unchanged).toEqual(['encoder']);
  });

  it('writes a document whose data is equal but whose claims differ, and reports what it outdates', async () => {
    const store = new MemoryStore();
    await imported(store, content(DEFINITION));
    // The seed says the English was made from an older Korean than the one beside it.
    const claimed = { definition: record('예전 정의.', DEFINITION.en) };
    const { writes, report } = await imported(store, content(DEFINITION, claimed));
    expect(writes.map((w) => w.id)).toEqual(['encoder']);
    expect(report.concepts.updated).toEqual(['encoder']);
    expect(report.concepts.outdated).toEqual([{ id: 'encoder', paths: ['definition'] }]);
    expect((await plan(store, content(DEFINITION, claimed))).writes).toEqual([]);
  });

  it('leaves out a record made for other English: the rewritten English is current, and a re-import writes nothing', async () => {
    const store = new MemoryStore();
    const claimed = { definition: record(DEFINITION.ko, DEFINITION.en) };
    await imported(store, content(DEFINITION, claimed));
    const retranslated = { ...DEFINITION, en: 'Encodes the input as vectors.' };
    const { writes, report } = await imported(store, content(retranslated, claimed));
    expect(claimOf(writes, 'encoder')).toBeUndefined();
    expect(report.concepts.outdated).toEqual([]);
    expect(await definitionState(store)).toMatchObject({
      state: 'CURRENT',
      translatedBy: 'importer',
    });
    expect((await plan(store, content(retranslated, claimed))).writes).toEqual([]);
  });

  it('claims the record of a text that moved in a list at its new path', async () => {
    const one = { ko: '하나', en: 'One' };
    const two = { ko: '둘', en: 'Two' };
    const wanted = bundle({
      categories: [category('fundamentals', 1)],
      concepts: [concept('encoder', 'fundamentals', { examples: [two, one] })],
      translations: {
        concepts: {
          encoder: {
            'examples.0': { ...record(one.ko, one.en), by: 'translator:1' },
            'examples.1': { ...record('두울', two.en), source: '두울' },
          },
        },
      },
    });
    const { writes } = await plan(new MemoryStore(), wanted);
    expect(claimOf(writes, 'encoder')).toEqual({
      'examples.0': { ...record('두울', two.en), source: '두울' },
      'examples.1': { ...record(one.ko, one.en), by: 'translator:1' },
    });
  });

  it("keeps the stored Korean source of outdated English when the seed's record lacks it", async () => {
    const store = new MemoryStore();
    const claimed = { definition: record(DEFINITION.ko, DEFINITION.en) };
    await imported(store, content(DEFINITION, claimed));
    await imported(store, content({ ...DEFINITION, ko: REWORDED }, claimed));
    // The same seed again: nothing to write, although its record knows no source.
    expect((await plan(store, content({ ...DEFINITION, ko: REWORDED }, claimed))).writes).toEqual(
      [],
    );
    // Another Korean edit of the same document: the write claims the stored source.
    const next = content({ ...DEFINITION, ko: REWORDED }, claimed);
    next.concepts = [{ ...next.concepts[0]!, aliases: ['Encoder'] }];
    const { writes, report } = await imported(store, next);
    expect(claimOf(writes, 'encoder')?.definition).toMatchObject({ source: DEFINITION.ko });
    expect(report.concepts.outdated).toEqual([]); // outdated already, not by this import
    expect(await definitionState(store)).toMatchObject({
      state: 'OUTDATED',
      source: DEFINITION.ko,
    });
  });
});

describe('the import report', () => {
  it('lists the English an import leaves outdated, per document with its paths', async () => {
    const store = new MemoryStore();
    await imported(store, content(DEFINITION));
    const { report } = await plan(store, content({ ...DEFINITION, ko: REWORDED }));
    const text = formatImportReport(report, { dryRun: true });
    expect(text).toContain(
      'English made outdated by this import (1 text; the Korean changed, the English did not):\n' +
        '  concepts/encoder: definition\n',
    );
  });

  it('says nothing of translations when the import outdates none', async () => {
    const { report } = await plan(new MemoryStore(), content(DEFINITION));
    expect(formatImportReport(report, { dryRun: false })).not.toContain('outdated');
  });
});
