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
  // Declared after the suite's own afterAll, which closes the API: Jest runs a block's afterAll
  // hooks in declaration order, and stopping the emulator first left the API's last relay run
  // waiting on a dead backend until its 20 s deadline, and its client's shutdown for minutes.
  afterAll(() => emulator?.stop());
});
