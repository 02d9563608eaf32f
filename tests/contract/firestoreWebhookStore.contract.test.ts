// The webhook store contract on Firestore, against the official emulator (a fresh project per test).
import { FirestoreWebhookStore } from '../../src/webhooks/firestoreWebhookStore.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { defineWebhookStoreContract } from './webhookStoreContract.js';

describeWithEmulator('FirestoreWebhookStore contract', () => {
  let emulator: RunningEmulator;
  const stores: FirestoreWebhookStore[] = [];
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 90_000);
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await emulator?.stop();
  });

  defineWebhookStoreContract(() => {
    const store = new FirestoreWebhookStore({
      projectId: uniqueProjectId(),
      emulatorHost: emulator.host,
      // Concurrent transactions on one document queue up on the emulator, slowly on a busy machine.
      timeoutMs: 30_000,
    });
    stores.push(store);
    return Promise.resolve(store);
  });
});
