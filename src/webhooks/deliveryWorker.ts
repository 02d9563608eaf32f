import type { ChangeEvent } from '../domain/changeEvent.js';
import type { Delivery, DeliveryAttempt, Webhook } from '../domain/webhook.js';
import type { Logger } from '../observability/logger.js';
import { nextRetryDelay } from './deliverySchedule.js';
import { deliveryBody } from './deliveryPayload.js';
import { sendWebhook, type SendPolicy } from './sendWebhook.js';
import { signDelivery } from './signDelivery.js';
import type { WebhookStore } from './webhookStore.js';

/** What the worker needs; see Webhooks for the meaning of each. */
export interface DeliveryWorkerOptions {
  webhookStore: WebhookStore;
  sendPolicy: SendPolicy;
  clock: () => Date;
  autoPauseAfter: number;
  random: () => number;
  logger?: Logger;
}

/**
 * How a delivery may be claimed: `due` (PENDING and due at the given time, and first of its
 * document), `next` (PENDING and not held: the successor of a delivery that just finished),
 * `redeliver` (whatever its status: an admin asked).
 */
type ClaimMode = { kind: 'due'; at: string } | { kind: 'next' } | { kind: 'redeliver' };

/**
 * Attempts deliveries: claims one (a lease, so two workers never send it at once and a crashed
 * worker's claim runs out), sends it signed, records the attempt, moves the webhook's failure
 * count and, once a delivery is finished (delivered or dead-lettered), attempts the next waiting
 * delivery of the same document, so a receiver sees each document's changes in commit order.
 */
export class DeliveryWorker {
  constructor(private readonly options: DeliveryWorkerOptions) {}

  /** The delivery of `event` to `webhook`, as first queued (held when the webhook is paused). */
  newDelivery(webhook: Webhook, event: ChangeEvent): Delivery {
    const now = this.now();
    return {
      id: `${webhook.id}.${event.id}`,
      webhookId: webhook.id,
      event,
      status: 'PENDING',
      attempts: [],
      retryFrom: 0,
      nextAttemptAt: webhook.active ? now : null,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * Attempts `deliveryId` if `mode` allows, then each following delivery of its document while
   * the previous one finishes. Resolves to how many were sent.
   */
  async run(deliveryId: string, mode: ClaimMode): Promise<number> {
    let sent = 0;
    let id: string | null = deliveryId;
    let current = mode;
    while (id !== null) {
      const finished = await this.attemptOnce(id, current);
      if (finished === 'skipped') break;
      sent++;
      if (finished === null) break;
      const next = await this.options.webhookStore.earliestPending(
        finished.webhookId,
        finished.event.type,
        finished.event.documentId,
      );
      id = next?.id ?? null;
      current = { kind: 'next' };
    }
    return sent;
  }

  /** Sends one delivery. 'skipped' when not claimed; else the delivery if it is finished, or null. */
  private async attemptOnce(id: string, mode: ClaimMode): Promise<Delivery | null | 'skipped'> {
    const store = this.options.webhookStore;
    if (mode.kind !== 'redeliver' && !(await this.isFirstOfDocument(id))) return 'skipped';
    const claimed = await this.claim(id, mode);
    if (!claimed) return 'skipped';
    const webhook = await store.getWebhook(claimed.webhookId);
    if (!webhook) {
      // Deleted between the claim and now: its deliveries are going away with it.
      await store.updateDelivery(id, (d) => ({ ...d, status: 'FAILED', nextAttemptAt: null }));
      return 'skipped';
    }
    if (!webhook.active && mode.kind !== 'redeliver') {
      await store.updateDelivery(id, (d) => ({ ...d, nextAttemptAt: null })); // held until resumed
      return 'skipped';
    }
    const at = this.options.clock();
    const body = deliveryBody(claimed.event);
    const headers = signDelivery({
      secrets: webhook.secrets,
      messageId: claimed.event.id,
      timestamp: at,
      body,
      now: at,
    });
    const result = await sendWebhook({ url: webhook.url, headers, body }, this.options.sendPolicy);
    const attempt: DeliveryAttempt = {
      at: at.toISOString(),
      statusCode: result.statusCode,
      error: result.ok ? null : (result.error ?? `the receiver answered ${result.statusCode}`),
      latencyMs: result.latencyMs,
    };
    const recorded = await store.updateDelivery(id, (d) => this.record(d, attempt, result.ok));
    if (!recorded) return 'skipped';
    if (result.ok) await this.succeeded(webhook.id);
    else if (recorded.status === 'FAILED') await this.deadLettered(webhook.id, recorded);
    return recorded.status === 'PENDING' ? null : recorded;
  }

  // A delivery waits while an earlier one of the same document is pending: it is pushed back to
  // when that one is due (or held with it), so it stops coming up as due in the meantime.
  private async isFirstOfDocument(id: string): Promise<boolean> {
    const store = this.options.webhookStore;
    const delivery = await store.getDelivery(id);
    if (!delivery || delivery.status !== 'PENDING') return delivery !== null;
    const first = await store.earliestPending(
      delivery.webhookId,
      delivery.event.type,
      delivery.event.documentId,
    );
    if (!first || first.id === id) return true;
    await store.updateDelivery(id, (d) =>
      d.status === 'PENDING' ? { ...d, nextAttemptAt: first.nextAttemptAt } : null,
    );
    return false;
  }

  private async claim(id: string, mode: ClaimMode): Promise<Delivery | null> {
    const now = this.options.clock();
    const lease = new Date(now.getTime() + this.options.sendPolicy.timeoutMs + 60_000);
    let won = false;
    const claimed = await this.options.webhookStore.updateDelivery(id, (d) => {
      won = claimable(d, mode);
      if (!won) return null;
      return {
        ...d,
        status: 'PENDING',
        // A finished delivery sent again (a redelivery) gets a whole new schedule of retries.
        retryFrom: d.status === 'PENDING' ? d.retryFrom : d.attempts.length,
        nextAttemptAt: lease.toISOString(),
        updatedAt: now.toISOString(),
      };
    });
    return won ? claimed : null;
  }

  private record(delivery: Delivery, attempt: DeliveryAttempt, ok: boolean): Delivery {
    const attempts = [...delivery.attempts, attempt];
    const now = this.options.clock();
    const base = { ...delivery, attempts, updatedAt: now.toISOString() };
    if (ok) return { ...base, status: 'DELIVERED', nextAttemptAt: null };
    const delay = nextRetryDelay(attempts.length - delivery.retryFrom, this.options.random);
    if (delay === null) return { ...base, status: 'FAILED', nextAttemptAt: null };
    return { ...base, nextAttemptAt: new Date(now.getTime() + delay).toISOString() };
  }

  private async succeeded(webhookId: string): Promise<void> {
    await this.options.webhookStore.updateWebhook(webhookId, (w) =>
      w.consecutiveFailures === 0 ? null : { ...w, consecutiveFailures: 0 },
    );
  }

  // consecutiveFailures counts dead letters in a row: each one is an event that failed every
  // attempt of the whole schedule (27 h), so reaching autoPauseAfter means the receiver has been
  // failing for more than a day, not that it was down for a deploy during a burst of events.
  private async deadLettered(webhookId: string, delivery: Delivery): Promise<void> {
    const limit = this.options.autoPauseAfter;
    const last = delivery.attempts[delivery.attempts.length - 1];
    const updated = await this.options.webhookStore.updateWebhook(webhookId, (w) => {
      const failures = w.consecutiveFailures + 1;
      const pause = w.active && failures >= limit;
      return {
        ...w,
        consecutiveFailures: failures,
        ...(pause
          ? {
              active: false,
              pausedReason:
                `Paused automatically: ${failures} deliveries in a row failed every attempt ` +
                `of their retry schedule (the last error: ${last?.error ?? 'unknown'}). ` +
                'Fix the receiver, then set active to true to resume.',
              updatedAt: this.now(),
            }
          : {}),
      };
    });
    this.options.logger?.warn(
      { webhookId, deliveryId: delivery.id, paused: updated?.active === false },
      'a webhook delivery was dead-lettered',
    );
  }

  private now(): string {
    return this.options.clock().toISOString();
  }
}

function claimable(delivery: Delivery, mode: ClaimMode): boolean {
  if (mode.kind === 'redeliver') return true;
  if (delivery.status !== 'PENDING' || delivery.nextAttemptAt === null) return false;
  return mode.kind === 'next' || delivery.nextAttemptAt <= mode.at;
}

export type { ClaimMode };
