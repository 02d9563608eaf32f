// A Firestore start from a compacted snapshot (its large texts kept apart, parsed on first read)
// answers byte for byte what a start that read every document one by one answers, on REST and
// GraphQL, from the same project.
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { importBundle } from '../../src/seed/importSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { defaultSeedDir } from '../../src/paths.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { serveApi } from '../helpers/httpServer.js';
import { recordedAnswers, START_GETS, START_QUERIES } from '../helpers/recordedAnswers.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

describeWithEmulator('a Firestore start from a snapshot with deferred texts', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 90_000);
  afterAll(() => emulator?.stop());

  it('answers what a start that read every document answers', async () => {
    const projectId = uniqueProjectId('split');
    const storeOf = () =>
      new FirestoreStore({
        projectId,
        emulatorHost: emulator.host,
        timeoutMs: 20_000,
        compactAfterDocuments: Number.MAX_SAFE_INTEGER,
      });
    const importer = storeOf();
    await importBundle(importer, await loadSeedDirectory(defaultSeedDir()));
    const env = { API_TOKENS: TEST_API_TOKENS };
    const oneByOne = storeOf();
    const fromDocuments = await serveApi(env, { store: oneByOne });
    try {
      const expected = await recordedAnswers(fromDocuments.url, START_GETS, START_QUERIES);
      expect(oneByOne.stats.documentsRead).toBeGreaterThan(80);
      expect(expected.filter((line) => / 200 /.test(line))).toHaveLength(
        START_GETS.length + START_QUERIES.length,
      );

      const pointer = await importer.compact();
      // A start reads the revision, the pointer and the snapshot's parts; its lessons come with
      // their sections still unparsed.
      const peek = storeOf();
      const lesson = (await peek.readChanges(0)).documents.find((d) => d.collection === 'lessons');
      expect(peek.stats.documentsRead).toBe(2 + pointer.chunks);
      expect(Object.getOwnPropertyDescriptor(lesson!.data, 'sections')).toHaveProperty('get');
      await peek.close();

      const fromSnapshot = storeOf();
      const served = await serveApi(env, { store: fromSnapshot });
      try {
        expect(await recordedAnswers(served.url, START_GETS, START_QUERIES)).toEqual(expected);
      } finally {
        await served.close();
      }
    } finally {
      await fromDocuments.close();
      await importer.close();
    }
  }, 120_000);
});
