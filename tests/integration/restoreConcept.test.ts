// Restoring an earlier version of a concept: a new version with the old content (both locales,
// English removed where the old version had none), through the same guards as updateConcept;
// and the history's stored documents, which show English exactly as stored (no fallback).
import { serveApi } from '../helpers/httpServer.js';
import { as, createDraft, outcome, versionOf } from '../helpers/editing.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const UPDATE =
  'mutation($s: ID!, $p: ConceptPatch!, $v: Int) { updateConcept(slug: $s, patch: $p, expectedVersion: $v) { version } }';
const RESTORE =
  'mutation($s: ID!, $n: Int!, $v: Int!, $a: Boolean) { restoreConcept(slug: $s, version: $n, expectedVersion: $v, allowUntranslated: $a) { version status summary definition aliases } }';
const HISTORY =
  'query($s: ID!) { conceptHistory(slug: $s, limit: 5) { version data concept { summary } } }';

describe('restoreConcept', () => {
  it('restores an old version’s content as a new version, English removed where it had none', async () => {
    await createDraft(served.url, 'a-draft'); // v1: summary and definition in both locales
    const edited = await as('editor', served.url, UPDATE, {
      s: 'a-draft',
      v: 1,
      p: { summary: { ko: '바뀐 요약.', en: 'A changed summary.' }, aliases: ['B'] },
    });
    expect(edited.data.updateConcept.version).toBe(2);
    const withoutEnglish = await as('editor', served.url, UPDATE, {
      s: 'a-draft',
      v: 2,
      p: { definition: { ko: '영어가 없는 정의.', en: null } },
    });
    expect(withoutEnglish.data.updateConcept.version).toBe(3);

    // Restoring v1 brings back its summary, definition (with English) and aliases.
    const restored = await as('editor', served.url, RESTORE, { s: 'a-draft', n: 1, v: 3 });
    expect(restored.errors).toBeUndefined();
    expect(restored.data.restoreConcept).toEqual({
      version: 4,
      status: 'DRAFT',
      summary: '한 문장 요약.',
      definition: '정의.',
      aliases: ['A-DRAFT'],
    });
    const history = await as('admin', served.url, HISTORY, { s: 'a-draft' });
    const [v4, v3] = history.data.conceptHistory;
    expect(v4.data.definition).toEqual({ ko: '정의.', en: 'A definition.' });
    // A version without English stores none: its document says so, whatever a reader is shown.
    expect(v3.data.definition).toEqual({ ko: '영어가 없는 정의.' });

    // Restoring v3 removes the English definition again (a patch keeps locales it does not name).
    await as('editor', served.url, RESTORE, { s: 'a-draft', n: 3, v: 4 });
    const after = await as('admin', served.url, HISTORY, { s: 'a-draft' });
    expect(after.data.conceptHistory[0].version).toBe(5);
    expect(after.data.conceptHistory[0].data.definition).toEqual({ ko: '영어가 없는 정의.' });
  });

  it('keeps a published concept published and needs an admin for it', async () => {
    const v = await versionOf(served.url, 'encoder');
    const changed = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      v,
      p: { aliases: ['ENC'] },
    });
    expect(changed.errors).toBeUndefined();
    const byEditor = await as('editor', served.url, RESTORE, { s: 'encoder', n: v, v: v + 1 });
    expect(outcome(byEditor)).toBe('FORBIDDEN');
    const byAdmin = await as('admin', served.url, RESTORE, { s: 'encoder', n: v, v: v + 1 });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data.restoreConcept.status).toBe('PUBLISHED');
    expect(byAdmin.data.restoreConcept.version).toBe(v + 2);
    expect(byAdmin.data.restoreConcept.aliases).not.toContain('ENC');
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    await createDraft(served.url, 'a-draft');
    await as('editor', served.url, UPDATE, { s: 'a-draft', v: 1, p: { aliases: ['B'] } });
    const stale = await as('editor', served.url, RESTORE, { s: 'a-draft', n: 1, v: 1 });
    expect(outcome(stale)).toBe('CONFLICT');
    expect(await versionOf(served.url, 'a-draft')).toBe(2);
  });

  it('says NOT_FOUND for an unknown version or concept', async () => {
    await createDraft(served.url, 'a-draft');
    for (const n of [2, 99]) {
      const answer = await as('editor', served.url, RESTORE, { s: 'a-draft', n, v: 1 });
      expect(outcome(answer)).toBe('NOT_FOUND');
    }
    const zero = await as('editor', served.url, RESTORE, { s: 'a-draft', n: 0, v: 1 });
    expect(outcome(zero)).toBe('BAD_USER_INPUT');
    const unknown = await as('editor', served.url, RESTORE, { s: 'no-such', n: 1, v: 1 });
    expect(outcome(unknown)).toBe('NOT_FOUND');
    expect(await versionOf(served.url, 'a-draft')).toBe(1);
  });

  it('needs a token', async () => {
    await createDraft(served.url, 'a-draft');
    const answer = await as('anonymous', served.url, RESTORE, { s: 'a-draft', n: 1, v: 1 });
    expect(outcome(answer)).toBe('UNAUTHENTICATED');
  });
});

describe('relationKinds', () => {
  it('says which categories each end of a kind allows, as addRelation checks', async () => {
    const answer = await as(
      'anonymous',
      served.url,
      '{ relationKinds { kind fromCategories toCategories } }',
    );
    const kinds = answer.data.relationKinds as {
      kind: string;
      fromCategories: string[] | null;
      toCategories: string[] | null;
    }[];
    expect(kinds.find((k) => k.kind === 'PROVIDED_BY')).toEqual({
      kind: 'PROVIDED_BY',
      fromCategories: null,
      toCategories: ['google-cloud-tools'],
    });
    expect(kinds.find((k) => k.kind === 'IS_A')).toEqual({
      kind: 'IS_A',
      fromCategories: null,
      toCategories: null,
    });
    // The rule it reports is the one the API enforces.
    const refused = await as(
      'admin',
      served.url,
      'mutation { addRelation(input: { from: "encoder", kind: PROVIDED_BY, to: "transformer" }) { id } }',
    );
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
  });
});
