import type { Config } from '../config.js';
import type { ContentStore } from './contentStore.js';
import { MemoryStore } from './memoryStore.js';

/**
 * Opens the configured store. The Firestore client is imported only when STORE=firestore,
 * so the memory default starts without loading it.
 */
export async function openStore(config: Config): Promise<ContentStore> {
  if (config.store === 'memory' || !config.firestore) return new MemoryStore();
  const { FirestoreStore } = await import('./firestore/firestoreStore.js');
  return new FirestoreStore({ ...config.firestore, timeoutMs: config.storeTimeoutMs });
}
