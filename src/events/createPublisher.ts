import type { EventDispatcher } from '../webhooks/webhookService.js';
import { DispatchingPublisher } from './dispatchingPublisher.js';
import type { EventPublisher } from './eventPublisher.js';
import type { EventsConfig } from './eventsConfig.js';

/**
 * The relay's publisher for a configuration: the Pub/Sub topic when one is configured, else the
 * in-process dispatcher (embedded mode). The Pub/Sub client is loaded only when a topic is
 * configured, so the embedded default starts without it (cold starts).
 */
export async function createPublisher(
  config: EventsConfig,
  dispatcher: EventDispatcher,
): Promise<EventPublisher> {
  if (config.mode !== 'pubsub') return new DispatchingPublisher(dispatcher);
  const { PubSubPublisher } = await import('./pubsubPublisher.js');
  return new PubSubPublisher(config.pubsub);
}
