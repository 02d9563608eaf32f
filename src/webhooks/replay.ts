import { eventName, eventPosition, type ChangeEvent } from '../domain/changeEvent.js';
import type { Delivery, Webhook } from '../domain/webhook.js';
import type { ContentStore } from '../store/contentStore.js';
import { matchesFilter } from '../domain/eventFilter.js';
import type { WebhookStore } from './webhookStore.js';

const READ_PAGE = 200;

/** What a replay reads and writes. */
export interface ReplayInput {
  webhook: Webhook;
  fromRevision: number;
  contentStore: Pick<ContentStore, 'readEvents'>;
  webhookStore: WebhookStore;
  /** The delivery an event gets when first queued (due now, or held if the webhook is paused). */
  queued: (event: ChangeEvent) => Delivery;
  /** Events read from the outbox at most. */
  max: number;
}

/**
 * Queues every outbox event from `fromRevision` on that the webhook's filter matches, each
 * under its usual delivery id (so the same webhook-id): a new delivery is created; a finished
 * one (delivered or dead-lettered) is reset to PENDING with a fresh retry schedule; one still
 * PENDING is left alone. Resolves to how many were queued.
 */
export async function replayOutbox(input: ReplayInput): Promise<{ queued: number }> {
  const { webhook, max } = input;
  // Positions of revision r start at r-000000: the last possible one of r-1 comes just before.
  let after = input.fromRevision === 1 ? null : eventPosition(input.fromRevision - 1, 999_999);
  let read = 0;
  let queued = 0;
  while (read < max) {
    const { events } = await input.contentStore.readEvents(after, Math.min(READ_PAGE, max - read));
    if (events.length === 0) break;
    read += events.length;
    after = events[events.length - 1]!.position;
    for (const event of events)
      if (matchesFilter(eventName(event), webhook.events) && (await requeue(input, event)))
        queued++;
  }
  return { queued };
}

async function requeue(input: ReplayInput, event: ChangeEvent): Promise<boolean> {
  const fresh = input.queued(event);
  if (await input.webhookStore.createDelivery(fresh)) return true;
  let reset = false;
  await input.webhookStore.updateDelivery(fresh.id, (d) => {
    reset = d.status !== 'PENDING';
    if (!reset) return null;
    return {
      ...d,
      status: 'PENDING',
      retryFrom: d.attempts.length,
      nextAttemptAt: fresh.nextAttemptAt,
      updatedAt: fresh.updatedAt,
    };
  });
  return reset;
}
