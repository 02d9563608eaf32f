// The store contract on Firestore, against the official emulator (a fresh project per test).
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { defineContentStoreContract } from './contentStoreContract.js';

describeWithEmulator('FirestoreStore contract', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 90_000);
  afterAll(() => emulator?.stop());

  defineContentStoreContract(() =>
    Promise.resolve(
      new FirestoreStore({
        projectId: uniqueProjectId(),
        emulatorHost: emulator.host,
        timeoutMs: 10_000,
      }),
    ),
  );
});
