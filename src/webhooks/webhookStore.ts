import type { Delivery, Webhook } from '../domain/webhook.js';
import { ValidationError } from '../errors.js';

/** A page of deliveries, newest first, and where the next page starts (null: none). */
export interface StoredDeliveryPage {
  deliveries: Delivery[];
  endCursor: string | null;
}

/**
 * Where webhooks and their deliveries are kept: the port both adapters (memory, Firestore)
 * implement, checked by tests/contract/webhookStoreContract.ts. Every read is parsed through the
 * domain's zod schemas. "Held" deliveries are PENDING with `nextAttemptAt` null: they wait for
 * something other than time (their webhook being resumed).
 */
export interface WebhookStore {
  /** Releases connections (a store without any need not have it). */
  close?(): Promise<void>;
  /** Saves a new webhook; false (and nothing written) when its id is taken. */
  createWebhook(webhook: Webhook): Promise<boolean>;
  getWebhook(id: string): Promise<Webhook | null>;
  /** Every webhook, oldest first (there are few: one per integration). */
  listWebhooks(): Promise<Webhook[]>;
  /**
   * Reads the webhook, applies `change` and writes the result atomically (a transaction that
   * retries on contention), so two concurrent counters never lose an increment. `change`
   * returning null writes nothing. Resolves to the stored webhook, or null when there is none.
   */
  updateWebhook(id: string, change: (current: Webhook) => Webhook | null): Promise<Webhook | null>;
  /** Deletes a webhook and every delivery of it; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;

  /** Saves a new delivery unless one with its id exists (a duplicate message); true if created. */
  createDelivery(delivery: Delivery): Promise<boolean>;
  getDelivery(id: string): Promise<Delivery | null>;
  /** Like updateWebhook, for one delivery: how a worker claims it before an attempt. */
  updateDelivery(
    id: string,
    change: (current: Delivery) => Delivery | null,
  ): Promise<Delivery | null>;
  /** A webhook's deliveries, newest first (creation time, then event position), `first` at most. */
  listDeliveries(
    webhookId: string,
    first: number,
    after: string | null,
  ): Promise<StoredDeliveryPage>;
  /** Up to `limit` PENDING deliveries due at `now`, earliest due first (then event position). */
  listDue(now: Date, limit: number): Promise<Delivery[]>;
  /** Up to `limit` held deliveries of a webhook (PENDING, `nextAttemptAt` null), in event order. */
  listHeld(webhookId: string, limit: number): Promise<Delivery[]>;
  /**
   * The PENDING delivery of a webhook for a document (type and id) whose event came first: the
   * only one that may be attempted, so a receiver sees each document's changes in order.
   */
  earliestPending(
    webhookId: string,
    type: Delivery['event']['type'],
    documentId: string,
  ): Promise<Delivery | null>;
}

/** The order key of deliveries in a webhook's list: creation time, event position, id. */
export function deliverySortKey(delivery: Delivery): string {
  return `${delivery.createdAt}|${delivery.event.position}|${delivery.id}`;
}

/** The cursor after `delivery` (opaque to clients). */
export function deliveryCursor(delivery: Delivery): string {
  return Buffer.from(deliverySortKey(delivery)).toString('base64url');
}

/** The sort key a cursor stands for, or null when it is not one of ours. */
export function sortKeyOfCursor(cursor: string): string | null {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[^|]+\|\d{12}-\d{6}\|[^|]+$/.test(key) ? key : null;
}

/** The error for an `after` that no list handed out. */
export function badCursor(): ValidationError {
  return new ValidationError('after is not a cursor of this list', [
    { path: ['after'], message: 'pass the endCursor of a previous page' },
  ]);
}
