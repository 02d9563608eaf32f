// The store contract on the embedded memory store.
import { MemoryStore } from '../../src/store/memoryStore.js';
import { defineContentStoreContract } from './contentStoreContract.js';

describe('MemoryStore contract', () => {
  defineContentStoreContract(() => Promise.resolve(new MemoryStore()));
});
