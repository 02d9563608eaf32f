import type { WebhookStore } from './webhookStore.js';
import { MemoryWebhookStore } from './memoryWebhookStore.js';

/** Where the webhook store lives: beside the content (Firestore), or in process memory. */
export interface WebhookStoreSettings {
  firestore?: { projectId: string; emulatorHost?: string };
  timeoutMs: number;
}

/**
 * Opens the webhook store that goes with the content store. The Firestore client is imported
 * only when Firestore is configured, so the memory default starts without loading it.
 */
export async function openWebhookStore(settings: WebhookStoreSettings): Promise<WebhookStore> {
  if (!settings.firestore) return new MemoryWebhookStore();
  const { FirestoreWebhookStore } = await import('./firestoreWebhookStore.js');
  return new FirestoreWebhookStore({ ...settings.firestore, timeoutMs: settings.timeoutMs });
}
