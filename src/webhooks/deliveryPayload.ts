import { eventName, type ChangeEvent, type ChangeEventDelivery } from '../domain/changeEvent.js';

/**
 * The body of every delivery of an event (the shape of changeEventDeliverySchema, which
 * subscribers validate it with): `type` is the event's name, `timestamp` when it happened,
 * `data` the event itself.
 */
export function deliveryBody(event: ChangeEvent): string {
  const body: ChangeEventDelivery = {
    type: eventName(event),
    timestamp: event.occurredAt,
    data: event,
  };
  return JSON.stringify(body);
}
