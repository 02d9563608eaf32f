import { deliverySchema, webhookSchema, type Delivery, type Webhook } from '../domain/webhook.js';
import {
  badCursor,
  deliveryCursor,
  deliverySortKey,
  sortKeyOfCursor,
  type StoredDeliveryPage,
  type WebhookStore,
} from './webhookStore.js';

/**
 * The webhook store in memory: for tests and the single-process development server. Values are
 * parsed on the way in and cloned on the way out, so callers cannot change what is stored.
 */
export class MemoryWebhookStore implements WebhookStore {
  private readonly webhooks = new Map<string, Webhook>();
  private readonly deliveries = new Map<string, Delivery>();

  createWebhook(webhook: Webhook): Promise<boolean> {
    if (this.webhooks.has(webhook.id)) return Promise.resolve(false);
    return settle(() => {
      this.webhooks.set(webhook.id, webhookSchema.parse(webhook));
      return true;
    });
  }

  getWebhook(id: string): Promise<Webhook | null> {
    return Promise.resolve(clone(this.webhooks.get(id) ?? null));
  }

  listWebhooks(): Promise<Webhook[]> {
    const all = [...this.webhooks.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    return Promise.resolve(all.map((webhook) => structuredClone(webhook)));
  }

  updateWebhook(id: string, change: (current: Webhook) => Webhook | null): Promise<Webhook | null> {
    const current = this.webhooks.get(id);
    if (!current) return Promise.resolve(null);
    return settle(() => {
      const next = change(structuredClone(current));
      if (next !== null) this.webhooks.set(id, webhookSchema.parse(next));
      return clone(this.webhooks.get(id) ?? null);
    });
  }

  deleteWebhook(id: string): Promise<boolean> {
    for (const [key, delivery] of this.deliveries)
      if (delivery.webhookId === id) this.deliveries.delete(key);
    return Promise.resolve(this.webhooks.delete(id));
  }

  createDelivery(delivery: Delivery): Promise<boolean> {
    if (this.deliveries.has(delivery.id)) return Promise.resolve(false);
    return settle(() => {
      this.deliveries.set(delivery.id, deliverySchema.parse(delivery));
      return true;
    });
  }

  getDelivery(id: string): Promise<Delivery | null> {
    return Promise.resolve(clone(this.deliveries.get(id) ?? null));
  }

  updateDelivery(
    id: string,
    change: (current: Delivery) => Delivery | null,
  ): Promise<Delivery | null> {
    const current = this.deliveries.get(id);
    if (!current) return Promise.resolve(null);
    return settle(() => {
      const next = change(structuredClone(current));
      if (next !== null) this.deliveries.set(id, deliverySchema.parse(next));
      return clone(this.deliveries.get(id) ?? null);
    });
  }

  listDeliveries(
    webhookId: string,
    first: number,
    after: string | null,
  ): Promise<StoredDeliveryPage> {
    const from = after === null ? null : sortKeyOfCursor(after);
    if (after !== null && from === null) return Promise.reject(badCursor());
    const matching = [...this.deliveries.values()]
      .filter((d) => d.webhookId === webhookId && (from === null || deliverySortKey(d) < from))
      .sort((a, b) => deliverySortKey(b).localeCompare(deliverySortKey(a)));
    const page = matching.slice(0, first);
    const last = page[page.length - 1];
    return Promise.resolve({
      deliveries: page.map((d) => structuredClone(d)),
      endCursor: matching.length > first && last ? deliveryCursor(last) : null,
    });
  }

  listDue(now: Date, limit: number): Promise<Delivery[]> {
    const at = now.toISOString();
    const due = this.pending((d) => d.nextAttemptAt !== null && d.nextAttemptAt <= at).sort(
      (a, b) =>
        a.nextAttemptAt!.localeCompare(b.nextAttemptAt!) ||
        a.event.position.localeCompare(b.event.position),
    );
    return Promise.resolve(due.slice(0, limit).map((d) => structuredClone(d)));
  }

  listHeld(webhookId: string, limit: number): Promise<Delivery[]> {
    const held = this.pending((d) => d.webhookId === webhookId && d.nextAttemptAt === null);
    return Promise.resolve(
      held
        .sort(byPosition)
        .slice(0, limit)
        .map((d) => structuredClone(d)),
    );
  }

  earliestPending(
    webhookId: string,
    type: Delivery['event']['type'],
    documentId: string,
  ): Promise<Delivery | null> {
    const same = this.pending(
      (d) =>
        d.webhookId === webhookId && d.event.type === type && d.event.documentId === documentId,
    ).sort(byPosition);
    return Promise.resolve(clone(same[0] ?? null));
  }

  private pending(filter: (delivery: Delivery) => boolean): Delivery[] {
    return [...this.deliveries.values()].filter((d) => d.status === 'PENDING' && filter(d));
  }
}

function byPosition(a: Delivery, b: Delivery): number {
  return a.event.position.localeCompare(b.event.position);
}

function clone<T>(value: T): T {
  return value === null ? value : structuredClone(value);
}

// A refused value (or a throwing `change`) rejects, as the Firestore adapter's would.
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
