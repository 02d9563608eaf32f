import type { ReadModel } from './content/readModel.js';
import type { ContentStore } from './store/contentStore.js';
import type { WebhookService } from './webhooks/webhookService.js';

/**
 * The parts of an instance that exist once its store is open: what the entry (`app.ts`) hands
 * the faces (REST, GraphQL, health) as a promise, so that they never import the entry itself.
 */
export interface Runtime {
  store: ContentStore;
  readModel: ReadModel;
  /** Webhook subscriptions and deliveries (absent until wired: the operations answer UNAVAILABLE). */
  webhooks?: WebhookService;
}
