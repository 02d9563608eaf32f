import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { eventName, type ChangeEvent } from '../domain/changeEvent.js';
import {
  webhookInputSchema,
  webhookPatchSchema,
  type Delivery,
  type Webhook,
  type WebhookInput,
  type WebhookPatch,
} from '../domain/webhook.js';
import { AppError, ErrorCode, ValidationError, issuesFromZod, type Issue } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import type { ContentStore } from '../store/contentStore.js';
import { DeliveryWorker } from './deliveryWorker.js';
import { matchesFilter, unknownPatterns } from '../domain/eventFilter.js';
import { toPublicWebhook } from './publicWebhook.js';
import { replayOutbox } from './replay.js';
import { checkWebhookUrl, type SendPolicy } from './sendWebhook.js';
import { newWebhookSecret } from './signDelivery.js';
import type {
  DeliveryPage,
  EventDispatcher,
  PublicWebhook,
  WebhookService,
} from './webhookService.js';
import type { WebhookStore } from './webhookStore.js';

/** How webhooks are kept, sent and paced. */
export interface WebhooksOptions {
  webhookStore: WebhookStore;
  /** The outbox, read by `replay`. */
  contentStore: Pick<ContentStore, 'readEvents'>;
  sendPolicy: SendPolicy;
  clock?: () => Date;
  /**
   * Dead-lettered deliveries in a row (no success between them) after which a webhook pauses
   * itself. Each dead letter failed every attempt of a 27-hour schedule, so the default of 3
   * pauses a receiver that has been failing for over a day, never one that was briefly down.
   */
  autoPauseAfter?: number;
  /** Deliveries one `deliverDue` tick attempts at most (default 50). */
  batchSize?: number;
  /**
   * Events one `replay` reads from the outbox at most (default 10,000), so one admin request
   * stays bounded; a longer history is replayed in steps, from the revision where one stopped.
   */
  maxReplay?: number;
  /**
   * True: `dispatch` resolves once the deliveries are recorded and makes their first attempts in
   * the background (the embedded mode, where the relay waits for `dispatch`: a slow receiver
   * must not hold up the events after it). False (default): it resolves after the first attempts
   * (the Pub/Sub delivery function, whose work must be done when it returns).
   */
  attemptsInBackground?: boolean;
  /**
   * With attempts awaited (the Pub/Sub delivery function): a failed first attempt whose retry is
   * due within this many ms (the schedule's 5 s) is retried before `dispatch` resolves, because
   * the scheduler's `deliverDue` ticks only every minute. 0 (default): left to `deliverDue`.
   */
  shortRetryWaitMs?: number;
  /** Jitter source for retry delays (0 ≤ r < 1). */
  random?: () => number;
  logger?: Logger;
}

/** The longest rotation overlap: a week for receivers to pick up the new secret. */
export const MAX_OVERLAP_SECONDS = 7 * 24 * 3600;
const READ_PAGE = 200;

/**
 * Webhooks: the admin service (subscriptions, secrets, delivery history, redelivery, replay) and
 * the dispatcher that turns published change events into signed deliveries. Deliveries of a
 * paused webhook are queued but held (PENDING, no due time) and become due when it is resumed.
 * A replay queues events again, each under its usual delivery id (webhook + event, so the
 * receiver sees the same webhook-id): a delivery already made is reset to PENDING with a fresh
 * retry schedule; one still pending is left as it is. Replayed deliveries go out on the next
 * `deliverDue` tick, not inside the admin's request.
 */
export class Webhooks implements WebhookService, EventDispatcher {
  private readonly store: WebhookStore;
  private readonly clock: () => Date;
  private readonly worker: DeliveryWorker;
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly options: WebhooksOptions) {
    this.store = options.webhookStore;
    this.clock = options.clock ?? (() => new Date());
    this.worker = new DeliveryWorker({
      webhookStore: options.webhookStore,
      sendPolicy: options.sendPolicy,
      clock: this.clock,
      autoPauseAfter: options.autoPauseAfter ?? 3,
      random: options.random ?? Math.random,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  async create(
    input: WebhookInput,
    actor: string | null,
  ): Promise<{ webhook: PublicWebhook; secret: string }> {
    const parsed = parse(webhookInputSchema, input, 'The webhook');
    this.checkTarget(parsed.url, parsed.events);
    const now = this.now();
    const secret = newWebhookSecret();
    const webhook: Webhook = {
      id: `wh_${randomBytes(12).toString('base64url')}`,
      url: parsed.url,
      events: parsed.events,
      description: parsed.description,
      active: true,
      pausedReason: null,
      consecutiveFailures: 0,
      secrets: [{ secret, expiresAt: null }],
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
    };
    if (!(await this.store.createWebhook(webhook)))
      throw new AppError(ErrorCode.CONFLICT, 'A webhook with this id exists; try again.');
    return { webhook: this.toPublic(webhook), secret };
  }

  async list(): Promise<PublicWebhook[]> {
    return (await this.store.listWebhooks()).map((webhook) => this.toPublic(webhook));
  }

  async get(id: string): Promise<PublicWebhook | null> {
    const webhook = await this.store.getWebhook(id);
    return webhook ? this.toPublic(webhook) : null;
  }

  async update(id: string, patch: WebhookPatch): Promise<PublicWebhook> {
    const parsed = parse(webhookPatchSchema, patch, 'The change');
    this.checkTarget(parsed.url, parsed.events);
    const now = this.now();
    let resumed = false;
    const updated = await this.store.updateWebhook(id, (w) => {
      resumed = parsed.active === true && !w.active;
      const next: Webhook = { ...w, updatedAt: now };
      if (parsed.url !== undefined) next.url = parsed.url;
      if (parsed.events !== undefined) next.events = parsed.events;
      if (parsed.description !== undefined) next.description = parsed.description;
      if (parsed.active === true) Object.assign(next, resumedState());
      if (parsed.active === false && w.active)
        Object.assign(next, { active: false, pausedReason: 'Paused by an admin.' });
      return next;
    });
    if (!updated) throw notFound('webhook', id);
    if (resumed) await this.releaseHeld(id);
    return this.toPublic(updated);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.deleteWebhook(id))) throw notFound('webhook', id);
  }

  async rotateSecret(
    id: string,
    overlapSeconds: number,
  ): Promise<{ webhook: PublicWebhook; secret: string }> {
    if (
      !Number.isInteger(overlapSeconds) ||
      overlapSeconds < 0 ||
      overlapSeconds > MAX_OVERLAP_SECONDS
    )
      throw new ValidationError('overlapSeconds is invalid', [
        {
          path: ['overlapSeconds'],
          message: `an integer from 0 to ${MAX_OVERLAP_SECONDS} (7 days)`,
        },
      ]);
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + overlapSeconds * 1000).toISOString();
    const secret = newWebhookSecret();
    const updated = await this.store.updateWebhook(id, (w) => {
      const current = w.secrets.find((s) => s.expiresAt === null) ?? w.secrets[0]!;
      // Only the current secret overlaps: one still expiring from an earlier rotation is dropped.
      const previous = overlapSeconds > 0 ? [{ secret: current.secret, expiresAt }] : [];
      return {
        ...w,
        secrets: [{ secret, expiresAt: null }, ...previous],
        updatedAt: now.toISOString(),
      };
    });
    if (!updated) throw notFound('webhook', id);
    return { webhook: this.toPublic(updated), secret };
  }

  async deliveries(webhookId: string, first: number, after: string | null): Promise<DeliveryPage> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw new ValidationError('first is invalid', [
        { path: ['first'], message: 'an integer from 1 to 100' },
      ]);
    if (!(await this.store.getWebhook(webhookId))) throw notFound('webhook', webhookId);
    return this.store.listDeliveries(webhookId, first, after);
  }

  async redeliver(deliveryId: string): Promise<Delivery> {
    if (!(await this.store.getDelivery(deliveryId))) throw notFound('delivery', deliveryId);
    await this.worker.run(deliveryId, { kind: 'redeliver' });
    const delivery = await this.store.getDelivery(deliveryId);
    if (!delivery) throw notFound('delivery', deliveryId); // its webhook was deleted meanwhile
    return delivery;
  }

  async replay(webhookId: string, fromRevision: number): Promise<{ queued: number }> {
    if (!Number.isInteger(fromRevision) || fromRevision < 1)
      throw new ValidationError('fromRevision is invalid', [
        { path: ['fromRevision'], message: 'a content revision: an integer of at least 1' },
      ]);
    const webhook = await this.store.getWebhook(webhookId);
    if (!webhook) throw notFound('webhook', webhookId);
    return replayOutbox({
      webhook,
      fromRevision,
      contentStore: this.options.contentStore,
      webhookStore: this.store,
      queued: (event) => this.worker.newDelivery(webhook, event),
      max: this.options.maxReplay ?? 10_000,
    });
  }

  async dispatch(events: readonly ChangeEvent[]): Promise<void> {
    if (events.length === 0) return;
    const webhooks = await this.store.listWebhooks();
    const ordered = [...events].sort((a, b) => a.position.localeCompare(b.position));
    // The new deliveries in commit order (each document's attempted one after another).
    const created: Delivery[] = [];
    for (const event of ordered) {
      for (const webhook of webhooks) {
        if (!matchesFilter(eventName(event), webhook.events)) continue;
        const delivery = this.worker.newDelivery(webhook, event);
        if (!(await this.store.createDelivery(delivery)) || !webhook.active) continue;
        created.push(delivery);
      }
    }
    const chains = chainsOf(created);
    const attempts = this.runChains(chains, this.now());
    if (!this.options.attemptsInBackground) {
      await attempts;
      const wait = this.options.shortRetryWaitMs ?? 0;
      if (wait > 0) await this.retrySoon([...chains.values()].flat(), wait);
      return;
    }
    // Recorded deliveries are safe: one whose attempt fails here, or never runs, is due and
    // retried by `deliverDue`.
    const running = attempts.catch((error: unknown) =>
      this.options.logger?.warn({ err: error }, 'a webhook delivery attempt failed to run'),
    );
    this.background.add(running);
    void running.finally(() => this.background.delete(running));
  }

  // The deliveries among `ids` whose next attempt is due within `waitMs`: waited for (real time)
  // and attempted, each document's in order; what fails again waits for `deliverDue`.
  private async retrySoon(ids: readonly string[], waitMs: number): Promise<void> {
    const limit = Date.parse(this.now()) + waitMs;
    const soon = (await Promise.all(ids.map((id) => this.store.getDelivery(id)))).filter(
      (d): d is Delivery =>
        d !== null &&
        d.status === 'PENDING' &&
        d.nextAttemptAt !== null &&
        Date.parse(d.nextAttemptAt) <= limit,
    );
    if (soon.length === 0) return;
    const latest = Math.max(...soon.map((d) => Date.parse(d.nextAttemptAt!)));
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, latest - Date.parse(this.now()))),
    );
    await this.runChains(chainsOf(soon), this.now());
  }

  /** Resolves once no first attempt is running in the background (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.all(this.background);
  }

  async deliverDue(now?: Date): Promise<{ attempted: number }> {
    const at = now ?? this.clock();
    const due = await this.store.listDue(at, this.options.batchSize ?? 50);
    return { attempted: await this.runChains(chainsOf(due), at.toISOString()) };
  }

  // Different documents go out in parallel; one document's deliveries one after another.
  private async runChains(chains: Map<string, string[]>, at: string): Promise<number> {
    const counts = await Promise.all(
      [...chains.values()].map(async (ids) => {
        let sent = 0;
        for (const id of ids) sent += await this.worker.run(id, { kind: 'due', at });
        return sent;
      }),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  }

  // Held deliveries become due now, page by page (each page leaves the held set).
  private async releaseHeld(webhookId: string): Promise<void> {
    const now = this.now();
    for (;;) {
      const held = await this.store.listHeld(webhookId, READ_PAGE);
      if (held.length === 0) return;
      for (const d of held)
        await this.store.updateDelivery(d.id, (current) =>
          current.status === 'PENDING' && current.nextAttemptAt === null
            ? { ...current, nextAttemptAt: now, updatedAt: now }
            : null,
        );
    }
  }

  private checkTarget(url: string | undefined, events: readonly string[] | undefined): void {
    const issues: Issue[] = [];
    const refused = url === undefined ? null : checkWebhookUrl(url, this.options.sendPolicy);
    if (refused) issues.push({ path: ['url'], message: refused });
    for (const index of unknownPatterns(events ?? []))
      issues.push({
        path: ['events', index],
        message: 'matches no event name (e.g. concept.updated, concept.*)',
      });
    if (issues.length > 0) throw new ValidationError('The webhook is invalid', issues);
  }

  private toPublic(webhook: Webhook): PublicWebhook {
    return toPublicWebhook(webhook, this.clock());
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

function resumedState(): Pick<Webhook, 'active' | 'pausedReason' | 'consecutiveFailures'> {
  return { active: true, pausedReason: null, consecutiveFailures: 0 };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(`${what} is invalid`, issuesFromZod(parsed.error));
  return parsed.data;
}

function notFound(what: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `No ${what} has the id ${JSON.stringify(id)}.`);
}

// Deliveries' ids by webhook and document, each chain in the order given: a document's
// deliveries to one webhook are attempted one after another (see runChains).
function chainsOf(deliveries: Iterable<Delivery>): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  for (const delivery of deliveries) {
    const key = `${delivery.webhookId}/${delivery.event.type}/${delivery.event.documentId}`;
    const chain = chains.get(key);
    if (chain) chain.push(delivery.id);
    else chains.set(key, [delivery.id]);
  }
  return chains;
}
