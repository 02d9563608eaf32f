// The read model follows Firestore (the official emulator): zero Firestore reads at steady state,
// O(changed documents) after a change, and a write seen by another instance within the TTL.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeedDir } from '../../src/paths.js';
import { importSeed } from '../../src/seed/importSeed.js';
import { CountingStore } from '../../src/store/countingStore.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';
import { pollUntil } from '../helpers/pollUntil.js';

const TERM_QUERY = '{ concept(slug: "transformer", locale: EN) { term version } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithEmulator('the read path on Firestore', () => {
  let emulator: RunningEmulator;
  let seedDir: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    seedDir = await mkdtemp(join(tmpdir(), 'seed-'));
    await cp(defaultSeedDir(), seedDir, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await emulator?.stop();
    await rm(seedDir, { recursive: true, force: true });
  });

  const firestoreEnv = (projectId: string, ttlMs: number) => ({
    STORE: 'firestore',
    GOOGLE_CLOUD_PROJECT: projectId,
    FIRESTORE_EMULATOR_HOST: emulator.host,
    CONTENT_TTL_MS: String(ttlMs),
  });
  const openStore = (projectId: string) =>
    new FirestoreStore({ projectId, emulatorHost: emulator.host, timeoutMs: 10_000 });

  // The importer's view of an edit: change one concept's English term in a seed copy.
  async function editTransformerTerm(term: string): Promise<void> {
    const file = join(seedDir, 'concepts', 'transformer.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^(term:\n {2}ko: .*\n {2}en: ).*$/m, `$1${term}`));
  }

  it('serves the seeded course from Firestore through the API', async () => {
    const projectId = uniqueProjectId();
    const importer = openStore(projectId);
    await importSeed(importer, defaultSeedDir());
    await importer.close();
    const served = await serveApi(firestoreEnv(projectId, 5000));
    try {
      const health = await request(`${served.url}/healthz`);
      expect(health.json).toMatchObject({
        status: 'ok',
        store: { kind: 'firestore', reachable: true },
      });
      const answer = await graphql<any>(served.url, TERM_QUERY);
      expect(answer.data).toEqual({ concept: { term: 'Transformer', version: 1 } });
    } finally {
      await served.close();
    }
  });

  it('costs zero Firestore reads per request at steady state, and O(changed) after a change', async () => {
    const projectId = uniqueProjectId();
    const importer = openStore(projectId);
    await importSeed(importer, seedDir);
    const firestore = openStore(projectId);
    const counting = new CountingStore(firestore);
    // Long enough that 20 requests fit inside one TTL also on a loaded CI machine (1.5 s did not:
    // a 21st revision check came in).
    const ttlMs = 5000;
    // Only the read path's reads are counted: the event relay (which reads the outbox in the
    // background after commits) is off here and measured in its own suites.
    const served = await serveApi(firestoreEnv(projectId, ttlMs), {
      store: counting,
      relayEvents: false,
    });
    try {
      await graphql(served.url, TERM_QUERY); // first load: everything
      const afterLoad = { ...firestore.stats };
      const documentsLoaded = counting.documentsRead;
      expect(documentsLoaded).toBeGreaterThan(70);

      for (let i = 0; i < 20; i++) await graphql(served.url, TERM_QUERY);
      expect(firestore.stats).toEqual(afterLoad); // steady state within the TTL: nothing asked

      await editTransformerTerm('Transformer (edited)');
      const imported = await importSeed(importer, seedDir);
      expect(imported.report.concepts.updated).toEqual(['transformer']);

      await sleep(ttlMs);
      await graphql(served.url, TERM_QUERY); // notices the TTL; the check runs in the background
      // Polled well inside the TTL, so no second check starts while the first one finishes.
      const answer = await pollUntil(
        () => graphql<any>(served.url, TERM_QUERY),
        (seen) => seen.data.concept.version === 2,
        { timeoutMs: ttlMs / 2 },
      );
      expect(answer.data.concept).toEqual({ term: 'Transformer (edited)', version: 2 });
      // One revision read, then one consistent delta read: the changed document, not the course.
      expect(counting.calls.readRevision).toBe(1);
      expect(counting.calls.readChanges).toBe(2);
      expect(counting.documentsRead - documentsLoaded).toBe(1);
      // Firestore reads of the refresh: meta twice (revision check, delta) and the changed document.
      expect(firestore.stats.documentsRead - afterLoad.documentsRead).toBe(3);
    } finally {
      await served.close();
      await importer.close();
      await editTransformerTerm('Transformer');
    }
  }, 60_000);

  it('serves a write made elsewhere on another instance within the TTL plus one request', async () => {
    const projectId = uniqueProjectId();
    const importer = openStore(projectId);
    await importSeed(importer, seedDir);
    // Long enough that one background check (two emulator round trips, on a loaded machine
    // too) finishes well inside a second TTL: converging before 2 TTLs means the first request
    // after the TTL started the refresh, and no second period was needed.
    const ttlMs = 2000;
    const a = await serveApi(firestoreEnv(projectId, ttlMs));
    const b = await serveApi(firestoreEnv(projectId, ttlMs));
    try {
      expect((await graphql<any>(a.url, TERM_QUERY)).data.concept.version).toBe(1);
      expect((await graphql<any>(b.url, TERM_QUERY)).data.concept.version).toBe(1);

      await editTransformerTerm('Transformer (from the importer)');
      await importSeed(importer, seedDir);
      const writtenAt = Date.now();

      // Within the TTL an instance may still serve what it had; after it, one request to notice.
      await sleep(ttlMs - (Date.now() - writtenAt));
      await graphql(b.url, TERM_QUERY);
      const seen = await pollUntil(
        () => graphql<any>(b.url, TERM_QUERY),
        (answer) => answer.data.concept.version === 2,
        { timeoutMs: ttlMs },
      );
      expect(seen.data.concept).toEqual({ term: 'Transformer (from the importer)', version: 2 });
      expect(Date.now() - writtenAt).toBeLessThan(2 * ttlMs);
    } finally {
      await a.close();
      await b.close();
      await importer.close();
      await editTransformerTerm('Transformer');
    }
  });
});
