// Delta sync on Firestore (the official emulator).
import { defaultSeedDir } from '../../src/paths.js';
import { importSeed } from '../../src/seed/importSeed.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { defineSyncSuite } from '../helpers/defineSyncSuite.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

describeWithEmulator('delta sync (Firestore)', () => {
  let emulator: RunningEmulator;
  afterAll(() => emulator?.stop());

  defineSyncSuite(async () => {
    emulator = await startEmulator();
    const projectId = uniqueProjectId();
    const importer = new FirestoreStore({
      projectId,
      emulatorHost: emulator.host,
      timeoutMs: 10_000,
    });
    await importSeed(importer, defaultSeedDir());
    await importer.close();
    return serveApi({
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      API_TOKENS: TEST_API_TOKENS,
      STORE_TIMEOUT_MS: '20000',
    });
  });
});
