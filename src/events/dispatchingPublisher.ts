import type { ChangeEvent } from '../domain/changeEvent.js';
import type { EventDispatcher } from '../webhooks/webhookService.js';
import type { EventPublisher } from './eventPublisher.js';

/**
 * The publisher of the embedded mode (no PUBSUB_TOPIC): the relay hands each page straight to
 * the in-process dispatcher, which records its deliveries before resolving. A dispatcher failure
 * rejects the page, so the relay keeps it for its next run.
 */
export class DispatchingPublisher implements EventPublisher {
  constructor(private readonly dispatcher: EventDispatcher) {}

  publish(events: readonly ChangeEvent[]): Promise<void> {
    return this.dispatcher.dispatch(events);
  }

  /** Nothing to flush: every publish waited for the dispatcher. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
