import { eventName, type ChangeEvent } from '../domain/changeEvent.js';

/**
 * The body of every delivery of an event, in the Standard Webhooks payload shape: `type` is the
 * event's name, `timestamp` when it happened, `data` the event itself (ids and versions, never
 * content: receivers fetch what they need through the API).
 */
export function deliveryBody(event: ChangeEvent): string {
  return JSON.stringify({ type: eventName(event), timestamp: event.occurredAt, data: event });
}
