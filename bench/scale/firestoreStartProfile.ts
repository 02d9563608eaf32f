// One in-process Firestore start of a build (its dist/, named by the first argument): a new
// store client and read model load the course from the project GOOGLE_CLOUD_PROJECT on the
// emulator at FIRESTORE_EMULATOR_HOST, as an API instance's first request does. Run under
// `node --cpu-prof` by firestoreStartAB.ts; prints the time and the adapter's reads.
import { join, resolve } from 'node:path';
import type { ReadModel } from '../../src/content/readModel.js';
import type { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';

const buildDir = resolve(process.argv[2] ?? '.');
const { FirestoreStore: Store } = (await import(
  join(buildDir, 'dist', 'store', 'firestore', 'firestoreStore.js')
)) as { FirestoreStore: typeof FirestoreStore };
const { ReadModel: Model } = (await import(join(buildDir, 'dist', 'content', 'readModel.js'))) as {
  ReadModel: typeof ReadModel;
};
const store = new Store({
  projectId: process.env.GOOGLE_CLOUD_PROJECT ?? '',
  emulatorHost: process.env.FIRESTORE_EMULATOR_HOST ?? '',
  timeoutMs: 300_000,
});
const started = process.hrtime.bigint();
await new Model(store, { ttlMs: 300_000 }).current();
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`${Math.round(ms)} ms, ${store.stats.documentsRead} documents read`);
await store.close();
