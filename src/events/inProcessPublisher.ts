import type { ChangeEvent } from '../domain/changeEvent.js';
import type { EventDispatcher } from '../webhooks/webhookService.js';
import type { EventPublisher } from './eventPublisher.js';

/**
 * The embedded path (no Pub/Sub configured): the relay hands events straight to the webhook
 * dispatcher in this process. Publishing succeeds once every delivery is queued, so the relay
 * marks an event published only when its deliveries exist; their retries then live in this
 * process (lost on restart, as the README says).
 */
export class InProcessPublisher implements EventPublisher {
  constructor(private readonly dispatcher: EventDispatcher) {}

  publish(events: readonly ChangeEvent[]): Promise<void> {
    return this.dispatcher.dispatch(events);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
