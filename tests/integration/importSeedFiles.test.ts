// importSeedFiles: a seed uploaded as files (the admin console's import) goes through the loader,
// plan and writes of `npm run seed`. A dry run writes nothing; an apply writes exactly the plan;
// an invalid file is named with its line and nothing is written; an apply after the content
// moved is a CONFLICT; paths outside the seed, other kinds of file and oversized uploads are
// refused; only an admin may import.
import { defaultSeedDir } from '../../src/paths.js';
import { MAX_SEED_FILE_BYTES } from '../../src/editing/seedFilesInput.js';
import { serveApi } from '../helpers/httpServer.js';
import { as, createDraft, outcome, revisionOf } from '../helpers/editing.js';
import {
  editSeedFile,
  newConceptFile,
  readSeedFileList,
  type SeedFile,
} from '../helpers/seedFiles.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
let seed: SeedFile[];
beforeAll(async () => {
  seed = await readSeedFileList(defaultSeedDir());
});
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const IMPORT = `mutation($f: [SeedFileInput!]!, $d: Boolean, $p: Boolean, $r: Int) {
  importSeedFiles(files: $f, dryRun: $d, prune: $p, expectedRev: $r) {
    dryRun written commits rev
    issues { file line path message }
    conflicts { collection id }
    collections { collection created updated unchanged deleted kept }
  }
}`;

// The seed with one alias added to the encoder and one new draft concept.
function changedSeed(): SeedFile[] {
  return [
    ...editSeedFile(seed, 'concepts/encoder.yaml', (text) =>
      text.replace('  - 인코더\n', '  - 인코더\n  - Encoder block\n'),
    ),
    newConceptFile('uploaded-concept'),
  ];
}

// The ids each collection would create, update and delete, leaving out empty collections.
function changes(report: any) {
  return Object.fromEntries(
    report.collections
      .filter((c: any) => c.created.length + c.updated.length + c.deleted.length > 0)
      .map((c: any) => [
        c.collection,
        { created: c.created, updated: c.updated, deleted: c.deleted },
      ]),
  );
}

describe('importSeedFiles', () => {
  it('reads the shipped seed from its files as unchanged', async () => {
    const answer = await as('admin', served.url, IMPORT, { f: seed });
    expect(answer.errors).toBeUndefined();
    const report = answer.data.importSeedFiles;
    expect(report).toMatchObject({ dryRun: true, written: 0, commits: 0, rev: 1, issues: [] });
    expect(changes(report)).toEqual({});
    expect(report.collections.find((c: any) => c.collection === 'concepts').unchanged).toHaveLength(
      seed.filter((file) => file.path.startsWith('concepts/')).length,
    );
  });

  it('answers the diff in a dry run and writes nothing', async () => {
    const answer = await as('admin', served.url, IMPORT, { f: changedSeed() });
    expect(answer.errors).toBeUndefined();
    expect(changes(answer.data.importSeedFiles)).toEqual({
      concepts: { created: ['uploaded-concept'], updated: ['encoder'], deleted: [] },
    });
    expect(answer.data.importSeedFiles).toMatchObject({ written: 0, rev: 1, conflicts: [] });
    expect(await revisionOf(served.url)).toBe(1);
    const read = await as('admin', served.url, '{ concept(slug: "uploaded-concept") { slug } }');
    expect(read.data.concept).toBeNull();
  });

  it('applies exactly the plan in one commit, and a second dry run finds nothing to do', async () => {
    const dry = await as('admin', served.url, IMPORT, { f: changedSeed() });
    const wet = await as('admin', served.url, IMPORT, {
      f: changedSeed(),
      d: false,
      r: dry.data.importSeedFiles.rev,
    });
    expect(wet.errors).toBeUndefined();
    expect(wet.data.importSeedFiles).toMatchObject({
      dryRun: false,
      written: 2,
      commits: 1,
      rev: 2,
    });
    expect(changes(wet.data.importSeedFiles)).toEqual(changes(dry.data.importSeedFiles));
    const read = await as(
      'admin',
      served.url,
      '{ concept(slug: "encoder") { aliases } draft: concept(slug: "uploaded-concept") { status updatedBy } }',
    );
    expect(read.data.concept.aliases).toContain('Encoder block');
    expect(read.data.draft).toEqual({
      status: 'DRAFT',
      updatedBy: expect.stringMatching(/^admin:/),
    });
    const again = await as('admin', served.url, IMPORT, { f: changedSeed() });
    expect(changes(again.data.importSeedFiles)).toEqual({});
  });

  it('deletes what the files lack only with prune', async () => {
    const files = seed.filter((file) => file.path !== 'concepts/uploaded-concept.yaml');
    await as('admin', served.url, IMPORT, { f: changedSeed(), d: false });
    const kept = await as('admin', served.url, IMPORT, { f: files });
    expect(
      kept.data.importSeedFiles.collections.find((c: any) => c.collection === 'concepts').kept,
    ).toEqual(['uploaded-concept']);
    const pruned = await as('admin', served.url, IMPORT, { f: files, p: true });
    expect(changes(pruned.data.importSeedFiles)).toEqual({
      concepts: { created: [], updated: ['encoder'], deleted: ['uploaded-concept'] },
    });
  });

  it('names a broken file with its line, in a dry run and in an apply, and writes nothing', async () => {
    // Line 3 is `term:`: its Korean becomes a list, which the schema refuses at term.ko (line 4).
    const broken = editSeedFile(seed, 'concepts/encoder.yaml', (text) =>
      text.replace('  ko: 인코더\n', '  ko: [인코더]\n'),
    );
    const dry = await as('admin', served.url, IMPORT, { f: broken });
    expect(dry.errors).toBeUndefined();
    expect(dry.data.importSeedFiles).toMatchObject({
      collections: [],
      written: 0,
      issues: [
        {
          file: 'concepts/encoder.yaml',
          line: 4,
          path: 'term.ko',
          message: expect.any(String),
        },
      ],
    });
    const syntax = editSeedFile(seed, 'relations.yaml', (text) => `${text}\n  - : [\n`);
    const wet = await as('admin', served.url, IMPORT, { f: syntax, d: false, r: 1 });
    expect(outcome(wet)).toBe('BAD_USER_INPUT');
    const [issue] = wet.errors![0]!.extensions!.issues as { path: string[]; message: string }[];
    expect(issue!.path).toEqual(['files', 'relations.yaml']);
    expect(issue!.message).toMatch(/^line \d+: YAML syntax/);
    expect(await revisionOf(served.url)).toBe(1);
  });

  it('names a lesson markdown file and its line', async () => {
    const lesson = seed.find((file) => file.path.endsWith('.ko.md'))!;
    const broken = editSeedFile(seed, lesson.path, (text) => `${text}\n\n<script>x</script>\n`);
    const dry = await as('admin', served.url, IMPORT, { f: broken });
    const issues = dry.data.importSeedFiles.issues;
    expect(issues).toEqual([
      expect.objectContaining({ file: lesson.path, line: expect.any(Number) }),
    ]);
  });

  it('refuses an apply after the content moved since the dry run, naming what changed', async () => {
    const dry = await as('admin', served.url, IMPORT, { f: changedSeed() });
    await createDraft(served.url, 'written-meanwhile');
    const wet = await as('admin', served.url, IMPORT, {
      f: changedSeed(),
      d: false,
      r: dry.data.importSeedFiles.rev,
    });
    expect(outcome(wet)).toBe('CONFLICT');
    expect(wet.errors![0]!.extensions!.issues).toEqual([
      { path: ['concepts', 'written-meanwhile'], message: 'changed after revision 1' },
    ]);
    expect(await revisionOf(served.url)).toBe(2);
    // A fresh dry run from the old revision shows what moved, and its revision applies.
    const fresh = await as('admin', served.url, IMPORT, { f: changedSeed(), r: 1 });
    expect(fresh.data.importSeedFiles).toMatchObject({
      rev: 2,
      conflicts: [{ collection: 'concepts', id: 'written-meanwhile' }],
    });
    const applied = await as('admin', served.url, IMPORT, { f: changedSeed(), d: false, r: 2 });
    expect(applied.data.importSeedFiles).toMatchObject({ written: 2, rev: 3 });
  });

  it.each([
    ['../outside.yaml', /leave the seed's root/],
    ['concepts/../../etc.yaml', /leave the seed's root/],
    ['/etc/passwd.yaml', /relative to the seed's root/],
    ['concepts/.hidden.yaml', /names of letters/],
    ['notes.txt', /\.yaml or \.md/],
  ])('refuses the path %s as BAD_USER_INPUT, reading nothing', async (path, message) => {
    const answer = await as('admin', served.url, IMPORT, {
      f: [...seed, { path, content: 'x: 1\n' }],
    });
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions!.issues).toEqual([
      { path: ['files', seed.length, 'path'], message: expect.stringMatching(message) },
    ]);
  });

  it('refuses a file given twice', async () => {
    const answer = await as('admin', served.url, IMPORT, { f: [...seed, seed[0]] });
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
  });

  it('refuses oversized uploads as PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const big = 'x'.repeat(MAX_SEED_FILE_BYTES + 1);
    const oneFile = await as('admin', served.url, IMPORT, {
      f: [...seed, { path: 'concepts/big.yaml', content: big }],
      d: false,
    });
    expect(outcome(oneFile)).toBe('PAYLOAD_TOO_LARGE');
    const quarter = 'x'.repeat(MAX_SEED_FILE_BYTES - 10);
    const many = [0, 1, 2, 3, 4].map((i) => ({ path: `concepts/big-${i}.yaml`, content: quarter }));
    const total = await as('admin', served.url, IMPORT, { f: [...seed, ...many], d: false });
    expect(outcome(total)).toBe('PAYLOAD_TOO_LARGE');
    expect(total.errors![0]!.message).toMatch(/bytes an import may hold/);
    const count = await as('admin', served.url, IMPORT, {
      f: Array.from({ length: 1001 }, (_, i) => ({ path: `concepts/c${i}.yaml`, content: '' })),
    });
    expect(outcome(count)).toBe('PAYLOAD_TOO_LARGE');
    expect(await revisionOf(served.url)).toBe(1);
  });

  it('is for admins only', async () => {
    const editor = await as('editor', served.url, IMPORT, { f: changedSeed(), d: false });
    expect(outcome(editor)).toBe('FORBIDDEN');
    // Small enough for an anonymous body (larger ones are refused before being read).
    const files = [newConceptFile('anonymous-concept')];
    const anonymous = await as('anonymous', served.url, IMPORT, { f: files });
    expect(outcome(anonymous)).toBe('UNAUTHENTICATED');
    expect(await revisionOf(served.url)).toBe(1);
  });
});
