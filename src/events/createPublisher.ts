import type { EventDispatcher } from '../webhooks/webhookService.js';
import { DispatchingPublisher } from './dispatchingPublisher.js';
import type { EventPublisher } from './eventPublisher.js';
import type { EventsConfig } from './eventsConfig.js';
import { PubSubPublisher } from './pubsubPublisher.js';

/**
 * The relay's publisher for a configuration: the Pub/Sub topic when one is configured, else the
 * in-process dispatcher (embedded mode).
 */
export function createPublisher(config: EventsConfig, dispatcher: EventDispatcher): EventPublisher {
  return config.mode === 'pubsub'
    ? new PubSubPublisher(config.pubsub)
    : new DispatchingPublisher(dispatcher);
}
