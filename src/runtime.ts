import type { ReadModel } from './content/readModel.js';
import type { ContentStore } from './store/contentStore.js';
import type { EventDispatcher, WebhookService } from './webhooks/webhookService.js';
import type { RelayRunner } from './events/relayRunner.js';

/**
 * The parts of an instance that exist once its store is open: what the entry (`app.ts`) hands
 * the faces (REST, GraphQL, health) as a promise, so that they never import the entry itself.
 */
export interface Runtime {
  store: ContentStore;
  readModel: ReadModel;
  /** Webhook subscriptions and deliveries, and the dispatcher that delivers events to them. */
  webhooks: WebhookService & EventDispatcher;
  /** The process's relay runner: publishes the outbox (after local commits, at start, on demand). */
  relay: RelayRunner;
  /** Stops the retries and the relay, then releases the stores. */
  close(): Promise<void>;
}
