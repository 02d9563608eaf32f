// Delta sync on Firestore (the official emulator).
import { defineSyncSuite } from '../helpers/defineSyncSuite.js';
import {
  describeWithEmulator,
  startEmulator,
  seededProject,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

describeWithEmulator('delta sync (Firestore)', () => {
  let emulator: RunningEmulator;
  afterAll(() => emulator?.stop());

  defineSyncSuite(async () => {
    emulator = await startEmulator();
    const projectId = await seededProject(emulator);
    return serveApi({
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      API_TOKENS: TEST_API_TOKENS,
      STORE_TIMEOUT_MS: '20000',
    });
  });
});
