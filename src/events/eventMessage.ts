import { eventName, type ChangeEvent } from '../domain/changeEvent.js';

/**
 * The Pub/Sub attributes of an event: what subscription filters and push endpoints can select
 * on without decoding the body (`attributes.event = "concept.updated"`,
 * `hasPrefix(attributes.type, "lesson")`). Pub/Sub attribute values are strings.
 */
export function messageAttributes(event: ChangeEvent): Record<string, string> {
  return {
    type: event.type,
    action: event.action,
    event: eventName(event),
    locales: event.locales.join(','),
    rev: String(event.rev),
    eventId: event.id,
  };
}

/**
 * The ordering key of an event: one per document, so a document's events arrive in commit
 * order while different documents' events flow in parallel.
 */
export function orderingKey(event: Pick<ChangeEvent, 'type' | 'documentId'>): string {
  return `${event.type}/${event.documentId}`;
}
