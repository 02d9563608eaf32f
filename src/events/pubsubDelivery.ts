import type { CloudEvent } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { changeEventSchema, type ChangeEvent } from '../domain/changeEvent.js';
import { logger } from '../observability/logger.js';
import type { EventDispatcher } from '../webhooks/webhookService.js';

/** The body of a `google.cloud.pubsub.topic.v1.messagePublished` CloudEvent (what Eventarc sends). */
const messagePublishedSchema = z.object({
  message: z.object({
    /** The event's JSON, base64-encoded. */
    data: z.string(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().optional(),
  }),
  subscription: z.string().optional(),
});

/** Why a message carries no event we can dispatch. */
type Parsed = { event: ChangeEvent } | { problem: string; messageId?: string };

/**
 * The change event a Pub/Sub CloudEvent carries, or what is wrong with it. Never throws: a
 * malformed message can never become valid, so retrying it would only block its ordering key.
 */
export function parseDelivery(cloudEvent: Pick<CloudEvent<unknown>, 'data'>): Parsed {
  const body = messagePublishedSchema.safeParse(cloudEvent.data);
  if (!body.success) return { problem: 'not a Pub/Sub messagePublished body' };
  const { data, messageId } = body.data.message;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    return { problem: 'message data is not base64-encoded JSON', messageId };
  }
  const event = changeEventSchema.safeParse(json);
  if (!event.success) {
    const issue = event.error.issues[0];
    return {
      problem: `not a change event: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
      messageId,
    };
  }
  return { event: event.data };
}

/**
 * The `deliverEvent` function: takes one Pub/Sub message (a CloudEvent), hands its change event
 * to the dispatcher, and resolves once the dispatcher has taken it. A dispatcher failure is
 * thrown, so Pub/Sub redelivers the message (its retry policy, then its dead-letter topic). A
 * malformed message is logged and acknowledged (resolved), never retried.
 */
export function deliveryHandler(
  dispatcher: EventDispatcher,
): (cloudEvent: CloudEvent<unknown>) => Promise<void> {
  return async (cloudEvent) => {
    const parsed = parseDelivery(cloudEvent);
    if ('problem' in parsed) {
      logger().error(
        { cloudEventId: cloudEvent.id, messageId: parsed.messageId, problem: parsed.problem },
        'malformed change event message acknowledged without delivery',
      );
      return;
    }
    await dispatcher.dispatch([parsed.event]);
  };
}
