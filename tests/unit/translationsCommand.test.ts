// `npm run translations` in-process (src/cli/translationsCommand.ts) on a memory store with
// translators' work: usage errors, the export on stdout or in a file, an import's dry run, its
// real run (recorded as the tool), a second run of the same file (a conflict, exit 1), and a
// file that is not XLIFF (nothing written, exit 1).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTranslationsCommand, TRANSLATIONS_USAGE } from '../../src/cli/translationsCommand.js';
import type { ContentStore } from '../../src/store/contentStore.js';
import { storeWithWork } from '../helpers/translationFixtures.js';
import { textStream } from '../helpers/textStream.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'translations-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function translations(argv: string[], store: ContentStore) {
  const out = textStream();
  const err = textStream();
  const code = await runTranslationsCommand(argv, { store, out: out.stream, err: err.stream });
  return { code, out: out.text(), err: err.text() };
}

it('refuses bad usage with the usage text and exit code 2', async () => {
  const { store } = await storeWithWork();
  for (const [argv, message] of [
    [[], 'missing export or import'],
    [['publish'], 'unknown command: publish'],
    [['export', '--locale', 'ko'], '--locale must be en: Korean is the source'],
    [
      ['export', '--state', 'outdated,stale'],
      '--state takes outdated, missing and current, not: stale',
    ],
    [['export', '--dry-run'], '--dry-run is for import'],
    [['import'], 'import takes one XLIFF file'],
    [['import', 'a.xlf', '--state', 'missing'], '--state and --out are for export'],
  ] as const) {
    const run = await translations([...argv], store);
    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toContain(message);
    expect(run.err).toContain(TRANSLATIONS_USAGE);
  }
  expect(await translations(['--help'], store)).toMatchObject({ code: 0, out: TRANSLATIONS_USAGE });
});

it('exports the queue to stdout, or to a file, and only the states asked for', async () => {
  const { store } = await storeWithWork();
  const stdout = await translations(['export', '--locale', 'en'], store);
  expect(stdout).toMatchObject({ code: 0, err: '' });
  expect(stdout.out).toMatch(/^<xliff [^>]*srcLang="ko" trgLang="en">/);
  expect(stdout.out.match(/<file id="[^"]+"/g)).toEqual([
    '<file id="concepts.decoder.v1"',
    '<file id="concepts.encoder.v2"',
  ]);
  const file = join(dir, 'en.xlf');
  expect((await translations(['export', '--out', file], store)).code).toBe(0);
  expect(await readFile(file, 'utf8')).toBe(stdout.out);
  const outdated = await translations(['export', '--state', 'outdated'], store);
  expect(outdated.out.match(/<file id="[^"]+"/g)).toEqual(['<file id="concepts.encoder.v2"']);
});

it('imports a translated file: a dry run writes nothing, the run writes as the tool, a second run conflicts', async () => {
  const { store, readModel } = await storeWithWork();
  const exported = (await translations(['export'], store)).out;
  const file = join(dir, 'translated.xlf');
  await writeFile(
    file,
    exported.replace(
      '<target>The part that turns input into vectors.</target>',
      '<target>The part that turns an input sequence into a vector representation.</target>',
    ),
  );
  const rev = await store.readRevision();

  const dryRun = await translations(['import', file, '--dry-run'], store);
  expect(dryRun).toMatchObject({ code: 0, err: '' });
  expect(dryRun.out).toBe(
    [
      'concepts/decoder (concepts.decoder.v1): nothing to write',
      '  skipped:     details.0.text',
      'concepts/encoder (concepts.encoder.v2): would be applied',
      '  written:     definition',
      '',
      '2 documents: 1 applied (1 text written, 0 confirmed), 1 unchanged, 0 conflicts, 0 rejected (dry run: nothing written)',
      `content revision: ${rev}`,
      '',
    ].join('\n'),
  );
  expect(await store.readRevision()).toBe(rev);

  const run = await translations(['import', file], store);
  expect(run).toMatchObject({ code: 0, err: '' });
  expect(run.out).toContain('concepts/encoder (concepts.encoder.v2): applied, now version 3');
  const encoder = (await readModel.refresh()).documents.concepts.get('encoder')!;
  expect(encoder.definition.en).toBe(
    'The part that turns an input sequence into a vector representation.',
  );
  expect(encoder.updatedBy).toBe('xliff-import');
  expect(encoder.translations?.definition?.by).toBe('xliff-import');

  const again = await translations(['import', file], store);
  expect(again.code).toBe(1);
  expect(again.out).toContain(
    'concepts/encoder (concepts.encoder.v2): CONFLICT, nothing written: the document is at version 3; the file was exported at version 2\n' +
      '  not applied: definition\n',
  );
});

it('refuses a file that is not XLIFF, writing nothing', async () => {
  const { store } = await storeWithWork();
  const file = join(dir, 'hostile.xlf');
  await writeFile(file, '<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><xliff>&a;</xliff>');
  const rev = await store.readRevision();
  const run = await translations(['import', file], store);
  expect(run).toMatchObject({ code: 1, out: '' });
  expect(run.err).toBe(
    'BAD_USER_INPUT: The XLIFF file must not declare a document type or entities (XLIFF needs neither)\n' +
      '  xliff: must not declare a document type or entities (XLIFF needs neither)\n' +
      'nothing was written.\n',
  );
  expect(await store.readRevision()).toBe(rev);
  const missing = await translations(['import', join(dir, 'nope.xlf')], store);
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/^translations failed: ENOENT/);
});
