// The webhook store contract on the memory adapter.
import { MemoryWebhookStore } from '../../src/webhooks/memoryWebhookStore.js';
import { defineWebhookStoreContract } from './webhookStoreContract.js';

describe('MemoryWebhookStore contract', () => {
  defineWebhookStoreContract(() => Promise.resolve(new MemoryWebhookStore()));
});
