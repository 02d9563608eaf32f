// Seed files keep translation state (seed/translations/, src/seed/): import, report and export
// on the embedded memory store. The same suite runs on Firestore in firestoreAdmin.test.ts.
import { MemoryStore } from '../../src/store/memoryStore.js';
import { defineSeedTranslationsSuite } from '../helpers/defineSeedTranslationsSuite.js';

describe('seed translation records on the memory store', () => {
  defineSeedTranslationsSuite(() => Promise.resolve(new MemoryStore()));
});
