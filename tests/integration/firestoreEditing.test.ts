// Editing on Firestore (the official emulator): 20 concurrent writers with one expected version
// give one winner and 19 conflicts; an edit is served at once by the instance that made it and
// by another instance within the TTL plus one request; history and authorship are stored.
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { as, outcome, versionOf } from '../helpers/editing.js';
import {
  describeWithEmulator,
  startEmulator,
  seededProject,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { serveApi } from '../helpers/httpServer.js';
import { pollUntil } from '../helpers/pollUntil.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

const UPDATE =
  'mutation($s: ID!, $p: ConceptPatch!, $v: Int) { updateConcept(slug: $s, patch: $p, expectedVersion: $v) { version aliases } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithEmulator('editing on Firestore', () => {
  let emulator: RunningEmulator;
  let projectId: string;
  const TTL_MS = 500;
  let a: Awaited<ReturnType<typeof serveApi>>;
  let b: Awaited<ReturnType<typeof serveApi>>;

  beforeAll(async () => {
    emulator = await startEmulator();
    projectId = await seededProject(emulator);
    const env = {
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      CONTENT_TTL_MS: String(TTL_MS),
      STORE_TIMEOUT_MS: '20000',
      API_TOKENS: TEST_API_TOKENS,
    };
    a = await serveApi(env);
    b = await serveApi(env);
  }, 90_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await emulator?.stop();
  });

  it("lets exactly one of 20 concurrent updates win; the stored document is the winner's", async () => {
    const v = await versionOf(a.url, 'decoder');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as('admin', i % 2 ? a.url : b.url, UPDATE, {
          s: 'decoder',
          p: { aliases: [`writer-${i}`] },
          v,
        }),
      ),
    );
    const winners = answers.flatMap((answer, i) => (outcome(answer) === 'ok' ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.map(outcome).filter((code) => code === 'CONFLICT')).toHaveLength(19);
    const store = new FirestoreStore({ projectId, emulatorHost: emulator.host, timeoutMs: 10_000 });
    try {
      const stored = (await store.readChanges(0)).documents.find((d) => d.id === 'decoder')!;
      expect(stored).toMatchObject({ version: v + 1, data: { aliases: [`writer-${winners[0]}`] } });
      expect(stored.updatedBy).toMatch(/^admin:[0-9a-f]{12}$/);
      const history = await store.readHistory('concepts', 'decoder', 5);
      expect(history.map((d) => d.version)).toEqual([v + 1, v]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('serves an edit at once on its instance and on another within the TTL plus one request', async () => {
    const v = await versionOf(a.url, 'encoder');
    const read = '{ concept(slug: "encoder") { aliases version } }';
    await as('anonymous', b.url, read); // b has the old version in its snapshot
    const edited = await as('admin', a.url, UPDATE, {
      s: 'encoder',
      p: { aliases: ['from-a'] },
      v,
    });
    const editedAt = Date.now();
    expect(edited.data.updateConcept).toEqual({ version: v + 1, aliases: ['from-a'] });
    expect((await as('anonymous', a.url, read)).data.concept).toEqual({
      aliases: ['from-a'],
      version: v + 1,
    });

    await sleep(Math.max(0, TTL_MS - (Date.now() - editedAt)));
    await as('anonymous', b.url, read); // notices the TTL; the check runs in the background
    // The check is two emulator round trips: polled, not slept for (a loaded machine is slower).
    const seen = await pollUntil(
      () => as('anonymous', b.url, read),
      (answer) => answer.data.concept.version === v + 1,
      { timeoutMs: 3000 },
    );
    expect(seen.data.concept).toEqual({ aliases: ['from-a'], version: v + 1 });
    expect(Date.now() - editedAt).toBeLessThan(TTL_MS + 3000);
  });

  it('refuses a relation to a concept another instance has deleted', async () => {
    const created = await as(
      'admin',
      a.url,
      'mutation($i: ConceptInput!) { createConcept(input: $i) { version } }',
      {
        i: {
          slug: 'short-lived',
          category: 'fundamentals',
          term: { ko: '임시', en: 'Short-lived' },
          summary: { ko: '요약', en: 'Summary' },
          definition: { ko: '정의', en: 'Definition' },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    await sleep(TTL_MS + 50);
    // b notices the TTL and catches up in the background: until it has, it does not know the concept.
    await pollUntil(
      () => as('admin', b.url, '{ concept(slug: "short-lived") { slug } }'),
      (answer) => answer.data?.concept?.slug === 'short-lived',
      { timeoutMs: 3000 },
    );
    const deleted = await as(
      'admin',
      b.url,
      'mutation { deleteConcept(slug: "short-lived", expectedVersion: 1) { slug } }',
    );
    expect(deleted.errors).toBeUndefined();
    // a validates against a fresh read, and its commit re-checks both ends inside the transaction.
    const relation = await as(
      'editor',
      a.url,
      'mutation { addRelation(input: { from: "short-lived", kind: RELATED_TO, to: "encoder" }) { kind } }',
    );
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(outcome(relation));
  });
});
