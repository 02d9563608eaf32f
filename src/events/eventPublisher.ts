import type { ChangeEvent } from '../domain/changeEvent.js';

/**
 * Where the relay sends the outbox's events: a Pub/Sub topic in production, the in-process
 * webhook dispatcher on the embedded store. `publish` resolves only once every event is accepted
 * (the relay then marks them published); it may be called again with events it already took
 * (duplicates are allowed, losses are not).
 */
export interface EventPublisher {
  publish(events: readonly ChangeEvent[]): Promise<void>;
  close(): Promise<void>;
}
