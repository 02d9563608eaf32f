// The translators' XLIFF hand-off over real HTTP on the embedded store: a Korean edit of a
// published definition, the export (the unit with the old Korean in a note), the translated
// file imported back (dry run, then for real: CURRENT with the new English), a kept English
// confirmed, a lesson section round trip, a document edited after the export (a conflict,
// nothing of it written), who may do what, and files that are hostile or too large.
import { as, outcome } from '../helpers/editing.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';
import { MAX_XLIFF_CHARS } from '../../src/translation/readXliff.js';

type Served = Awaited<ReturnType<typeof serveApi>>;

const EXPORT =
  'query($states: [TranslationState!]) { exportTranslations(locale: EN, states: $states) }';
const IMPORT =
  'mutation($x: String!, $dry: Boolean) { importTranslations(xliff: $x, dryRun: $dry) { dryRun rev applied conflicts rejected documents { file type id outcome expectedVersion version applied confirmed unchanged skipped conflicts message issues { path message } } } }';
const UPDATE =
  'mutation($s: ID!, $p: ConceptPatch!, $v: Int) { updateConcept(slug: $s, patch: $p, expectedVersion: $v, allowUntranslated: true) { version } }';
const STATUS =
  'query($t: TranslatableType!, $id: ID!) { translationStatus(type: $t, id: $id) { version translation { state fields(all: true) { path state translation translatedBy } } } }';

let served: Served;
beforeAll(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterAll(() => served?.close());

async function concept(slug: string) {
  const answer = await as(
    'admin',
    served.url,
    `{ ko: concept(slug: "${slug}", locale: KO) { version definition summary } en: concept(slug: "${slug}", locale: EN) { definition summary } }`,
  );
  return answer.data as {
    ko: { version: number; definition: string; summary: string };
    en: { definition: string; summary: string };
  };
}

// An admin edits a published concept's Korean and keeps it published (its English goes OUTDATED).
async function editKorean(slug: string, patch: Record<string, { ko: string }>, version: number) {
  const answer = await as('admin', served.url, UPDATE, { s: slug, p: patch, v: version });
  expect(answer.errors).toBeUndefined();
  return answer.data.updateConcept.version as number;
}

async function exported(states?: string[]): Promise<string> {
  const answer = await as('editor', served.url, EXPORT, states ? { states } : {});
  expect(answer.errors).toBeUndefined();
  return answer.data.exportTranslations as string;
}

async function imported(xliff: string, dryRun = false) {
  const answer = await as('admin', served.url, IMPORT, { x: xliff, dry: dryRun });
  expect(answer.errors).toBeUndefined();
  return answer.data.importTranslations;
}

// The one <unit> of a document's <file> in an exported XLIFF.
function unitOf(xliff: string, file: string, path: string): string {
  const fileStart = xliff.indexOf(`<file id="${file}">`);
  expect(fileStart).toBeGreaterThanOrEqual(0);
  const start = xliff.indexOf(`<unit id="${path}"`, fileStart);
  expect(start).toBeGreaterThanOrEqual(0);
  return xliff.slice(start, xliff.indexOf('</unit>', start) + '</unit>'.length);
}

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

it('from a Korean edit to CURRENT English again through an XLIFF file', async () => {
  const before = await concept('encoder');
  const changed = `${before.ko.definition} 인코더의 출력은 디코더가 읽는다.`;
  const version = await editKorean('encoder', { definition: { ko: changed } }, before.ko.version);

  const xliff = await exported();
  const file = `concepts.encoder.v${version}`;
  expect(unitOf(xliff, file, 'definition')).toBe(
    [
      '<unit id="definition" canResegment="no" xml:space="preserve">',
      '      <notes>',
      '        <note>state: OUTDATED (the Korean changed since the English was made)</note>',
      `        <note>the English was made from this Korean: ${escaped(before.ko.definition)}</note>`,
      '      </notes>',
      '      <segment>',
      `        <source>${escaped(changed)}</source>`,
      `        <target>${escaped(before.en.definition)}</target>`,
      '      </segment>',
      '    </unit>',
    ].join('\n'),
  );

  const english = `${before.en.definition} The decoder reads what the encoder outputs.`;
  const translated = xliff.replace(
    `<target>${escaped(before.en.definition)}</target>`,
    `<target>${escaped(english)}</target>`,
  );
  const dryRun = await imported(translated, true);
  expect(dryRun).toMatchObject({ dryRun: true, applied: 1, conflicts: 0, rejected: 0 });
  expect(dryRun.documents).toEqual([
    {
      file,
      type: 'CONCEPT',
      id: 'encoder',
      outcome: 'APPLIED',
      expectedVersion: version,
      version,
      applied: ['definition'],
      confirmed: [],
      unchanged: [],
      skipped: [],
      conflicts: [],
      message: null,
      issues: [],
    },
  ]);
  expect((await concept('encoder')).en.definition).toBe(before.en.definition);

  const report = await imported(translated);
  expect(report).toMatchObject({ dryRun: false, applied: 1 });
  expect(report.documents[0]).toMatchObject({ outcome: 'APPLIED', version: version + 1 });
  const status = await as('editor', served.url, STATUS, { t: 'CONCEPT', id: 'encoder' });
  expect(status.data.translationStatus.translation.state).toBe('CURRENT');
  expect(
    status.data.translationStatus.translation.fields.find((f: any) => f.path === 'definition'),
  ).toMatchObject({
    state: 'CURRENT',
    translation: english,
    translatedBy: expect.stringMatching(/^admin:/),
  });
  expect((await concept('encoder')).en.definition).toBe(english);
  expect(await exported()).not.toContain('concepts.encoder.');
});

it('confirms English the translator kept, and skips a unit whose target was removed', async () => {
  const before = await concept('decoder');
  const version = await editKorean(
    'decoder',
    {
      definition: { ko: `${before.ko.definition} (보충)` },
      summary: { ko: `${before.ko.summary} (보충)` },
    },
    before.ko.version,
  );
  const xliff = await exported(['OUTDATED']);
  const file = `concepts.decoder.v${version}`;
  // The translator keeps the definition's English as it is and leaves the summary for later.
  const summary = unitOf(xliff, file, 'summary');
  const report = await imported(
    xliff.replace(summary, summary.replace(/<target>[^<]*<\/target>/, '')),
  );
  expect(report.documents).toEqual([
    expect.objectContaining({
      file,
      outcome: 'APPLIED',
      applied: [],
      confirmed: ['definition'],
      skipped: ['summary'],
    }),
  ]);
  const status = await as('editor', served.url, STATUS, { t: 'CONCEPT', id: 'decoder' });
  const states = Object.fromEntries(
    status.data.translationStatus.translation.fields.map((f: any) => [f.path, f.state]),
  );
  expect(states).toMatchObject({ definition: 'CURRENT', summary: 'OUTDATED' });
  const history = await as(
    'admin',
    served.url,
    '{ conceptHistory(slug: "decoder", limit: 1) { translationEvents { kind paths } } }',
  );
  expect(history.data.conceptHistory[0].translationEvents).toEqual([
    { kind: 'CONFIRMED', paths: ['definition'] },
  ]);
});

it('carries a lesson section (markdown, heading included) through the file', async () => {
  const lesson = await as(
    'admin',
    served.url,
    '{ lesson(slug: "introduction-to-llms", locale: KO) { version markdown } }',
  );
  const { version, markdown } = lesson.data.lesson;
  const saved = await as(
    'admin',
    served.url,
    'mutation($m: String!, $v: Int) { upsertLesson(slug: "introduction-to-llms", markdown: $m, expectedVersion: $v, allowUntranslated: true) { version } }',
    { m: markdown.replace('## 프롬프트 디자인', '## 프롬프트 디자인 (개정)'), v: version },
  );
  expect(saved.errors).toBeUndefined();
  const xliff = await exported();
  const file = `lessons.introduction-to-llms.v${saved.data.upsertLesson.version}`;
  const [, anchor] = /<file id="lessons[^"]+">\s*<unit id="sections\.([a-z0-9-]+)"/.exec(xliff)!;
  const unit = unitOf(xliff, file, `sections.${anchor}`);
  const target = /<target>([^<]*)<\/target>/.exec(unit)![1]!;
  // The section's markdown, its heading and its line breaks.
  expect(target).toMatch(/^#{2,6} .+ \{#[a-z0-9-]+\}\n\n\* \*\*/);
  const revised = target.replace(/^(#+ .+) \{#/, '$1 (revised) {#');
  expect(revised).not.toBe(target);
  const report = await imported(xliff.replace(target, revised));
  expect(report.documents.find((d: any) => d.type === 'LESSON')).toMatchObject({
    outcome: 'APPLIED',
    applied: [`sections.${anchor}`],
  });
  const status = await as('editor', served.url, STATUS, {
    t: 'LESSON',
    id: 'introduction-to-llms',
  });
  expect(status.data.translationStatus.translation.state).toBe('CURRENT');
});

it('reports a document edited after the export as a conflict and writes nothing of it', async () => {
  const before = await concept('transformer');
  const version = await editKorean(
    'transformer',
    { definition: { ko: `${before.ko.definition} (개정)` } },
    before.ko.version,
  );
  const xliff = await exported();
  // Someone edits the concept while the translator works on the file.
  await editKorean('transformer', { summary: { ko: `${before.ko.summary} (개정)` } }, version);
  const translated = xliff.replace(
    `<target>${escaped(before.en.definition)}</target>`,
    '<target>A definition written against a Korean text that has changed since.</target>',
  );
  const report = await imported(translated);
  const conflict = report.documents.find((d: any) => d.id === 'transformer');
  expect(conflict).toMatchObject({
    outcome: 'CONFLICT',
    expectedVersion: version,
    version: version + 1,
    applied: [],
    conflicts: ['definition'],
    message: `the document is at version ${version + 1}; the file was exported at version ${version}`,
  });
  expect(report.conflicts).toBe(1);
  expect((await concept('transformer')).en.definition).toBe(before.en.definition);
  const status = await as('editor', served.url, STATUS, { t: 'CONCEPT', id: 'transformer' });
  expect(status.data.translationStatus.version).toBe(version + 1);
  expect(status.data.translationStatus.translation.state).toBe('OUTDATED');
});

it('lets editors export, only admins import, and nobody anonymous either', async () => {
  const xliff = await exported();
  expect(outcome(await as('anonymous', served.url, EXPORT))).toBe('UNAUTHENTICATED');
  expect(outcome(await as('editor', served.url, IMPORT, { x: xliff }))).toBe('FORBIDDEN');
  expect(outcome(await as('anonymous', served.url, IMPORT, { x: xliff }))).toBe('UNAUTHENTICATED');
  expect(outcome(await as('editor', served.url, '{ exportTranslations(locale: KO) }'))).toBe(
    'BAD_USER_INPUT',
  );
});

it('refuses hostile and oversized files as BAD_USER_INPUT, and bodies over the limit with 413', async () => {
  const rev = (
    await imported(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en"/>',
    )
  ).rev;
  const entities = await as('admin', served.url, IMPORT, {
    x: '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><xliff version="2.0" srcLang="ko" trgLang="en"><file id="concepts.encoder.v1"><unit id="definition"><segment><source>&b;</source><target>&b;</target></segment></unit></file></xliff>',
  });
  expect(outcome(entities)).toBe('BAD_USER_INPUT');
  expect(entities.errors![0]!.extensions!.issues).toEqual([
    {
      path: ['xliff'],
      message: 'must not declare a document type or entities (XLIFF needs neither)',
    },
  ]);
  const large = await as('admin', served.url, IMPORT, { x: 'x'.repeat(MAX_XLIFF_CHARS + 1) });
  expect(outcome(large)).toBe('BAD_USER_INPUT');
  expect(large.errors![0]!.extensions!.issues).toEqual([
    {
      path: ['xliff'],
      message: `must be at most ${MAX_XLIFF_CHARS} characters, got ${MAX_XLIFF_CHARS + 1}`,
    },
  ]);
  // Over the writers' body limit (MAX_WRITER_BODY_BYTES, 10 MB): refused before it is read.
  const body = JSON.stringify({ query: IMPORT, variables: { x: 'x'.repeat(11 * 1024 * 1024) } });
  const tooLarge = await request(`${served.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...AS.admin },
    body,
  });
  expect(tooLarge.status).toBe(413);
  expect(
    (
      await imported(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en"/>',
        true,
      )
    ).rev,
  ).toBe(rev);
});
