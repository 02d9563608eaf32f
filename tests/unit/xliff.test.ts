/**
 * Translation files (src/translation): the queue written as XLIFF 2.0 and read back, how each
 * document's units are planned against the store (written, confirmed, unchanged, skipped,
 * conflict), what a file that is not ours (or is hostile) is refused with, and an import on the
 * memory store: a dry run, a real run, and a write that lands between the plan and the edit.
 */
import type { Viewer } from '../../src/auth/viewer.js';
import { emptyDocumentSet, type Entry } from '../../src/content/entries.js';
import type { Concept } from '../../src/domain/concept.js';
import { ErrorCode, ValidationError } from '../../src/errors.js';
import type { ContentStore } from '../../src/store/contentStore.js';
import { exportXliff, translationFileOf } from '../../src/translation/exportTranslations.js';
import { importTranslations } from '../../src/translation/importTranslations.js';
import { planDocumentImport } from '../../src/translation/planDocumentImport.js';
import {
  MAX_XLIFF_CHARS,
  MAX_XLIFF_MARKUP,
  MAX_XLIFF_UNITS,
  readXliff,
} from '../../src/translation/readXliff.js';
import type { FileDocument } from '../../src/translation/translationFile.js';
import { fileIdOf, parseFileId } from '../../src/translation/translationFile.js';
import { NEW_DEFINITION, storeWithWork } from '../helpers/translationFixtures.js';

const ADMIN_VIEWER: Viewer = { role: 'admin', fingerprint: 'test' };
function document(units: FileDocument['units'], version = 2): FileDocument {
  return { ref: { collection: 'concepts', id: 'encoder' }, version, units };
}

function unit(path: string, target?: string) {
  return { path, source: '', target, notes: [] };
}

async function refusal(xml: string): Promise<ValidationError> {
  const error = await readXliff(xml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

const XLIFF = (files: string, languages = 'srcLang="ko" trgLang="en"') =>
  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" ${languages}>${files}</xliff>`;
const UNIT = (id: string, target = '<target>x</target>') =>
  `<unit id="${id}"><segment><source>소스</source>${target}</segment></unit>`;

describe('writing the queue as XLIFF 2.0', () => {
  it('has one <file> per document (named with its version) and one <unit> per text not CURRENT', async () => {
    const { documents } = await storeWithWork();
    const xml = await exportXliff(documents);
    expect(xml).toMatch(
      /^<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en">/,
    );
    expect(xml).toContain('<file id="concepts.encoder.v2">');
    expect(xml).toContain('<file id="concepts.decoder.v1">');
    expect(xml).not.toContain('gemini');
    // The OUTDATED definition: present Korean as source, present English as target, the old
    // Korean (escaped, as any text) in a note.
    expect(xml).toContain(
      [
        '<unit id="definition" canResegment="no" xml:space="preserve">',
        '      <notes>',
        '        <note>state: OUTDATED (the Korean changed since the English was made)</note>',
        '        <note>the English was made from this Korean: 입력을 벡터로 바꾸는 &lt;부분&gt; &amp; 그 표현.</note>',
        '      </notes>',
        '      <segment>',
        `        <source>${NEW_DEFINITION}</source>`,
        '        <target>The part that turns input into vectors.</target>',
        '      </segment>',
        '    </unit>',
      ].join('\n'),
    );
    // The MISSING detail: no target at all.
    expect(xml).toMatch(
      /<unit id="details.0.text"[^>]*>\s*<notes>\s*<note>state: MISSING \(no English yet\)<\/note>\s*<\/notes>\s*<segment>\s*<source>한 줄\n\n두 줄<\/source>\s*<\/segment>/,
    );
  });

  it('exports only the states asked for, CURRENT included when asked', async () => {
    const { documents } = await storeWithWork();
    const outdated = translationFileOf(documents, ['OUTDATED']);
    expect(outdated.documents.map((d) => [d.ref.id, d.units.map((u) => u.path)])).toEqual([
      ['encoder', ['definition']],
    ]);
    const current = translationFileOf(documents, ['CURRENT']);
    expect(current.documents.map((d) => d.ref.id).sort()).toEqual([
      'decoder',
      'encoder',
      'fundamentals',
      'gemini',
    ]);
    expect(current.documents.find((d) => d.ref.id === 'encoder')!.units.map((u) => u.path)).toEqual(
      ['term', 'summary', 'examples.0'],
    );
  });

  it('reads back what it wrote: documents, versions, paths, sources and targets', async () => {
    const { documents } = await storeWithWork();
    const exported = translationFileOf(documents, ['OUTDATED', 'MISSING', 'CURRENT']);
    const read = await readXliff(await exportXliff(documents, ['OUTDATED', 'MISSING', 'CURRENT']));
    const withoutNotes = exported.documents.map((d) => ({
      ...d,
      units: d.units.map(({ notes: _notes, ...rest }) => ({ ...rest, notes: [] })),
    }));
    expect(read.documents).toEqual(withoutNotes);
  });

  it('writes an empty queue as an XLIFF document without files, which reads back as empty', async () => {
    const xml = await exportXliff(emptyDocumentSet());
    expect(xml).toBe(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en"/>\n',
    );
    expect(await readXliff(xml)).toEqual({ documents: [] });
  });

  it('names a document and its version in the <file> id, and reads only such ids', () => {
    const ref = { collection: 'relations' as const, id: 'encoder__PART_OF__transformer' };
    expect(fileIdOf(ref, 12)).toBe('relations.encoder__PART_OF__transformer.v12');
    expect(parseFileId('relations.encoder__PART_OF__transformer.v12')).toEqual({
      ref,
      version: 12,
    });
    for (const id of [
      'concepts/encoder',
      'concepts.encoder',
      'things.encoder.v1',
      'concepts.encoder.v0',
    ]) {
      expect(parseFileId(id)).toBeUndefined();
    }
  });
});

describe('planning a document of the file against the store', () => {
  it('writes changed targets, confirms kept OUTDATED English, skips empty targets', async () => {
    const { documents } = await storeWithWork();
    const encoder = documents.concepts.get('encoder') as Entry<object>;
    const plan = planDocumentImport(
      document([
        unit('definition', '  The part that turns input into vectors.  '),
        unit('summary', 'A new summary.'),
        unit('term', 'encoder term'),
        unit('examples.0'),
      ]),
      encoder,
    );
    expect(plan).toEqual({
      issues: [],
      texts: [{ path: 'summary', text: 'A new summary.' }],
      confirm: ['definition'],
      unchanged: ['term'],
      skipped: ['examples.0'],
    });
  });

  it('is a conflict when the document moved since the export or is gone', async () => {
    const { documents } = await storeWithWork();
    const encoder = documents.concepts.get('encoder') as Entry<object>;
    expect(planDocumentImport(document([unit('summary', 'x')], 1), encoder).conflict).toBe(
      'the document is at version 2; the file was exported at version 1',
    );
    expect(planDocumentImport(document([unit('summary', 'x')]), undefined).conflict).toBe(
      'the document no longer exists',
    );
  });

  it('reports a unit that is no text of the document', async () => {
    const { documents } = await storeWithWork();
    const plan = planDocumentImport(
      document([unit('nope', 'x')]),
      documents.concepts.get('encoder'),
    );
    expect(plan.issues).toEqual([
      {
        path: ['xliff', 'concepts.encoder.v2', 'nope'],
        message: '"nope" is no translatable text of this document',
      },
    ]);
  });
});

describe('reading a file that is not ours', () => {
  it('refuses document type declarations (entities) before parsing anything', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${XLIFF(
      `<file id="concepts.encoder.v2">${UNIT('definition', '<target>&b;</target>')}</file>`,
    )}`;
    const error = await refusal(lol);
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.issues).toEqual([
      {
        path: ['xliff'],
        message: 'must not declare a document type or entities (XLIFF needs neither)',
      },
    ]);
  });

  it('refuses files over the size and tag bounds before parsing, and more units than the unit bound', async () => {
    expect((await refusal(' '.repeat(MAX_XLIFF_CHARS + 1))).issues[0]!.message).toBe(
      `must be at most ${MAX_XLIFF_CHARS} characters, got ${MAX_XLIFF_CHARS + 1}`,
    );
    expect((await refusal(XLIFF('<b/>'.repeat(MAX_XLIFF_MARKUP - 1)))).issues[0]!.message).toBe(
      `must hold at most ${MAX_XLIFF_MARKUP} tags, got ${MAX_XLIFF_MARKUP + 1}`,
    );
    const units = Array.from({ length: MAX_XLIFF_UNITS + 1 }, (_, i) => UNIT(`u${i}`)).join('');
    expect((await refusal(XLIFF(`<file id="concepts.encoder.v2">${units}</file>`))).issues).toEqual(
      [
        {
          path: ['xliff'],
          message: `must hold at most ${MAX_XLIFF_UNITS} units, got ${MAX_XLIFF_UNITS + 1}`,
        },
      ],
    );
  });

  it('refuses malformed XML, nesting too deep to read, and other XLIFF versions', async () => {
    expect((await refusal(XLIFF('<file id="a"><unit></file>'))).issues[0]!.message).toBe(
      'must be well-formed XML: Unexpected close tag',
    );
    expect(
      (
        await refusal(
          XLIFF(`<file id="concepts.encoder.v2">${UNIT('definition')}</file>`).slice(0, -30),
        )
      ).issues[0]!.message,
    ).toBe('must end with </xliff> (is the file complete?)');
    // Within the tag bound, and still deeper than the package's recursion can read.
    const deep = `<pc id="1">`.repeat(40_000) + 'x' + '</pc>'.repeat(40_000);
    expect(
      (
        await refusal(
          XLIFF(
            `<file id="concepts.encoder.v2">${UNIT('definition', `<target>${deep}</target>`)}</file>`,
          ),
        )
      ).issues[0]!.message,
    ).toBe('nests elements too deeply');
    expect(
      (await refusal('<xliff version="1.2"><file original="x"/></xliff>')).issues[0]!.message,
    ).toBe('must be XLIFF 2.0 (<xliff version="2.0">)');
  });

  it('says where a structurally valid file is not one of ours', async () => {
    const error = await refusal(
      XLIFF(
        `<file id="concepts.encoder.v2">${UNIT('definition', '<target>a <pc id="1">b</pc></target>')}</file>` +
          `<file id="concepts/decoder">${UNIT('summary')}</file>` +
          `<file id="concepts.encoder.v3">${UNIT('summary')}</file>`,
        'srcLang="en" trgLang="ko"',
      ),
    );
    expect(error.issues).toEqual([
      {
        path: ['xliff', 'sourceLanguage'],
        message: 'srcLang must be Korean (ko): Korean is the source',
      },
      {
        path: ['xliff', 'targetLanguage'],
        message: 'trgLang must be English (en): only English is translated',
      },
      {
        path: ['xliff', 'resources', 'concepts.encoder.v2', 'definition', 'target'],
        message: 'must be plain text (inline codes such as <ph> or <pc> are not supported)',
      },
    ]);
    const ids = await refusal(
      XLIFF(
        `<file id="concepts/decoder">${UNIT('summary')}</file>` +
          `<file id="concepts.encoder.v2">${UNIT('summary')}</file>` +
          `<file id="concepts.encoder.v3">${UNIT('summary')}</file>`,
      ),
    );
    expect(ids.issues).toEqual([
      {
        path: ['xliff', 'concepts/decoder'],
        message: 'the <file> id must name a document and its version, e.g. concepts.encoder.v3',
      },
      {
        path: ['xliff', 'concepts.encoder.v3'],
        message: 'names the same document as concepts.encoder.v2',
      },
    ]);
  });
});

describe('importing on the memory store', () => {
  async function exportedAndEdited() {
    const work = await storeWithWork();
    const xml = (await exportXliff(work.documents))
      .replace(
        '<target>The part that turns input into vectors.</target>',
        '<target>The part that turns an input sequence into vectors.</target>',
      )
      .replace(
        '<source>한 줄\n\n두 줄</source>',
        '<source>한 줄\n\n두 줄</source><target>One line\n\nTwo lines</target>',
      );
    return { ...work, xml, deps: { store: work.store, readModel: work.readModel, writable: true } };
  }

  it('a dry run validates every edit as a real one and writes nothing', async () => {
    const { store, deps, xml } = await exportedAndEdited();
    const rev = await store.readRevision();
    const report = await importTranslations(deps, ADMIN_VIEWER, xml, { dryRun: true });
    expect(report.dryRun).toBe(true);
    // In the queue's order: the oldest change of Korean first (the missing detail's document was
    // last written before the definition changed).
    expect(report.documents.map((d) => [d.file, d.outcome, d.applied])).toEqual([
      ['concepts.decoder.v1', 'APPLIED', ['details.0.text']],
      ['concepts.encoder.v2', 'APPLIED', ['definition']],
    ]);
    expect(await store.readRevision()).toBe(rev);
    // What only the edit itself checks (the text rules of the schema) is found by a dry run too.
    const hostile = xml.replace('One line', 'One \u202Eline');
    const refused = await importTranslations(deps, ADMIN_VIEWER, hostile, { dryRun: true });
    expect(refused.documents[0]).toMatchObject({
      outcome: 'REJECTED',
      applied: [],
      issues: [
        {
          path: ['translations', 'details', 0, 'text', 'en'],
          message: expect.stringMatching(/^must not contain bidirectional controls/),
        },
      ],
    });
    expect(refused.documents[1]!.outcome).toBe('APPLIED');
  });

  it('writes each document as one edit expecting the exported version', async () => {
    const { deps, xml, readModel } = await exportedAndEdited();
    const report = await importTranslations({ ...deps, actor: 'xliff-import' }, ADMIN_VIEWER, xml, {
      dryRun: false,
    });
    expect(report.documents.map((d) => [d.outcome, d.expectedVersion, d.version])).toEqual([
      ['APPLIED', 1, 2],
      ['APPLIED', 2, 3],
    ]);
    const encoder = (await readModel.refresh()).documents.concepts.get('encoder')!;
    expect(encoder.definition.en).toBe('The part that turns an input sequence into vectors.');
    expect(encoder.updatedBy).toBe('xliff-import');
    expect(report.rev).toBe(4);
  });

  it('reports a conflict, and writes nothing of that document, when an edit lands between the plan and the write', async () => {
    const { deps, xml, store } = await exportedAndEdited();
    let raced = false;
    // The first commit of the import is preceded by someone else's edit of the same concept.
    const racing: ContentStore = {
      kind: store.kind,
      readRevision: () => store.readRevision(),
      readChanges: (since) => store.readChanges(since),
      readHistory: (c, id, limit) => store.readHistory(c, id, limit),
      readEvents: (after, limit) => store.readEvents(after, limit),
      readRelayPosition: () => store.readRelayPosition(),
      markRelayed: (position) => store.markRelayed(position),
      close: () => store.close(),
      commit: async (writes, options) => {
        if (!raced && writes[0]!.id === 'encoder') {
          raced = true;
          const write = writes[0] as { data: Concept };
          await store.commit([
            {
              op: 'put',
              collection: 'concepts',
              id: 'encoder',
              data: {
                ...write.data,
                definition: { ko: NEW_DEFINITION, en: 'The part that turns input into vectors.' },
                summary: { ko: '경합', en: 'A race.' },
              },
              expectedVersion: 2,
            },
          ]);
        }
        return store.commit(writes, options);
      },
    };
    const report = await importTranslations({ ...deps, store: racing }, ADMIN_VIEWER, xml, {
      dryRun: false,
    });
    expect(report.documents[1]).toMatchObject({
      outcome: 'CONFLICT',
      conflicts: ['definition'],
      applied: [],
      message: 'concepts/encoder is at version 3, not the expected version 2',
    });
    expect(report.documents[0]!.outcome).toBe('APPLIED');
    const encoder = (await deps.readModel.refresh()).documents.concepts.get('encoder')!;
    expect(encoder.summary.en).toBe('A race.');
    expect(encoder.definition.en).toBe('The part that turns input into vectors.');
  });
});
