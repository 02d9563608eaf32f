// The translation sidecar files of a seed (translations/<collection>.yaml): read and validated
// by the loader (src/seed/readTranslations.ts, domain/checkTranslations.ts), written by the
// exporter (src/seed/writeTranslations.ts, storedTranslations.ts) in a stable, readable form.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { textFingerprint } from '../../src/domain/translation/fingerprint.js';
import { defaultSeedDir } from '../../src/paths.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { SeedValidationError } from '../../src/seed/seedError.js';
import { storedTranslations } from '../../src/seed/storedTranslations.js';
import { translationFiles } from '../../src/seed/writeTranslations.js';
import type { StoredDocument } from '../../src/store/contentStore.js';
import { bundle, category, concept } from '../helpers/contentFixtures.js';

const SIDECAR = 'translations/concepts.yaml';
const tempDirs: string[] = [];

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copySeed(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'translation-sidecar-'));
  tempDirs.push(dir);
  await cp(defaultSeedDir(), dir, { recursive: true });
  return dir;
}

async function editYaml(dir: string, file: string, edit: (data: any) => void): Promise<void> {
  const path = join(dir, file);
  const data = parse(await readFile(path, 'utf8'));
  edit(data);
  await writeFile(path, stringify(data));
}

async function issuesOf(dir: string) {
  try {
    await loadSeedDirectory(dir);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('reading the sidecar files', () => {
  it('loads the records of the shipped seed per collection and document', async () => {
    const loaded = await loadSeedDirectory(defaultSeedDir());
    expect(Object.keys(loaded.translations ?? {})).toEqual([
      'categories',
      'concepts',
      'relations',
      'comparisons',
      'lessons',
    ]);
    const encoder = loaded.concepts.find((c) => c.slug === 'encoder')!;
    expect(loaded.translations?.concepts?.encoder?.definition).toEqual({
      ko: textFingerprint(encoder.definition.ko),
      en: textFingerprint(encoder.definition.en!),
    });
  });

  it('loads a seed without sidecar files, with no records', async () => {
    const dir = await copySeed();
    await rm(join(dir, 'translations'), { recursive: true });
    const loaded = await loadSeedDirectory(dir);
    expect(loaded).not.toHaveProperty('translations');
    expect(loaded.concepts.length).toBeGreaterThan(0);
  });

  it('reports records of a document or a text that is not there, naming the file', async () => {
    const dir = await copySeed();
    await editYaml(dir, SIDECAR, (records) => {
      records.ghost = { term: records.encoder.term };
      records.encoder['details.7.text'] = records.encoder.term;
    });
    expect(await issuesOf(dir)).toEqual([
      {
        file: SIDECAR,
        path: ['encoder', 'details.7.text'],
        message: expect.stringMatching(
          /^concepts\/encoder has no translatable text at details\.7\.text .*npm run translations/,
        ),
      },
      {
        file: SIDECAR,
        path: ['ghost'],
        message: expect.stringMatching(/^no such document in concepts /),
      },
    ]);
  });

  it('reports a malformed record and a file named after no collection', async () => {
    const dir = await copySeed();
    await editYaml(dir, SIDECAR, (records) => {
      records.encoder.term = { ko: 'not-hex', en: records.encoder.term.en, note: 'x' };
    });
    await writeFile(join(dir, 'translations/glossary.yaml'), '{}\n');
    const issues = await issuesOf(dir);
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          file: 'translations/glossary.yaml',
          path: [],
          message: expect.stringMatching(/^not a collection's translation file/),
        },
        { file: SIDECAR, path: ['encoder', 'term', 'ko'], message: 'must be 16 hex digits' },
        { file: SIDECAR, path: ['encoder', 'term'], message: expect.stringMatching(/note/) },
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('accepts a record of a text whose English was removed (it has no effect)', async () => {
    const dir = await copySeed();
    await editYaml(dir, 'concepts/encoder.yaml', (encoder) => {
      delete encoder.summary.en;
    });
    const loaded = await loadSeedDirectory(dir);
    expect(loaded.translations?.concepts?.encoder?.summary).toBeDefined();
  });
});

describe('writing the sidecar files', () => {
  // Fingerprints a YAML reader would take for numbers if they were written bare.
  const numeric = '1234567890123456';
  const exponent = '1234567890123e45';
  const content = bundle({
    categories: [category('tools', 1)],
    concepts: [
      concept('beta', 'tools', {
        examples: Array.from({ length: 11 }, (_, i) => ({ ko: `예 ${i}`, en: `Example ${i}` })),
      }),
      concept('alpha', 'tools'),
    ],
    translations: {
      concepts: {
        beta: {
          'examples.10': { ko: numeric, en: exponent },
          'examples.2': { en: '0000000000000002', ko: '0000000000000001', by: 'admin:ab' },
          term: {
            since: '2026-12-03T10:00:00.000Z',
            source: '옛 용어: 설명',
            ko: 'aaaaaaaaaaaaaaaa',
            en: 'bbbbbbbbbbbbbbbb',
          },
        },
        alpha: { term: { ko: 'cccccccccccccccc', en: 'dddddddddddddddd' } },
      },
    },
  });

  it('writes documents by id, texts in document order, keys in a fixed order, records on one line unless outdated', () => {
    const files = translationFiles(content);
    expect(files.map(([file]) => file)).toEqual([SIDECAR]);
    const text = files[0]![1];
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      '',
      'alpha:',
      '  term: { ko: cccccccccccccccc, en: dddddddddddddddd }',
      'beta:',
      '  term:',
      '    ko: aaaaaaaaaaaaaaaa',
      '    en: bbbbbbbbbbbbbbbb',
      '    source: "옛 용어: 설명"',
      '    since: 2026-12-03T10:00:00.000Z',
      '  examples.2: { ko: "0000000000000001", en: "0000000000000002", by: admin:ab }',
      '  examples.10: { ko: "1234567890123456", en: "1234567890123e45" }',
      '',
    ]);
    expect(text).toMatch(/^# Translation records of concepts: /);
  });

  it('reads back as the same records, fingerprints as strings', () => {
    const [[, text]] = translationFiles(content) as [[string, string]];
    expect(parse(text)).toEqual(content.translations!.concepts);
  });

  it('writes no file for a collection without records', () => {
    expect(translationFiles({ ...content, translations: { concepts: {} } })).toEqual([]);
    expect(translationFiles(bundle({}))).toEqual([]);
  });
});

describe('the records an export takes from the store', () => {
  const data = concept('gamma', 'tools', { summary: { ko: '요약' } });
  const stored = (translations: StoredDocument['translations']): StoredDocument => ({
    collection: 'concepts',
    id: 'gamma',
    deleted: false,
    data,
    rev: 1,
    version: 1,
    createdAt: '',
    updatedAt: '',
    ...(translations ? { translations } : {}),
  });
  const record = { ko: 'aaaaaaaaaaaaaaaa', en: 'bbbbbbbbbbbbbbbb' };

  it('are those of texts with English, outdated ones as they are', () => {
    const outdated = { ...record, source: '옛 정의', since: '2026-12-03T10:00:00.000Z' };
    expect(
      storedTranslations([stored({ term: record, definition: outdated, summary: record })]),
    ).toEqual({ concepts: { gamma: { term: record, definition: outdated } } });
  });

  it('are none for documents without records', () => {
    expect(storedTranslations([stored(undefined), stored({ summary: record })])).toBeUndefined();
  });
});
