import { Firestore, type DocumentData, type Query } from '@google-cloud/firestore';
import { deliverySchema, webhookSchema, type Delivery, type Webhook } from '../domain/webhook.js';
import { AppError, ErrorCode } from '../errors.js';
import { withDeadline } from '../store/deadline.js';
import { observeLazyTransactionStart } from '../store/firestore/lazyTransactionStart.js';
import { WEBHOOK_QUERIES, type DeclaredWebhookQuery } from './firestoreWebhookQueries.js';
import {
  badCursor,
  deliveryCursor,
  deliverySortKey,
  sortKeyOfCursor,
  type StoredDeliveryPage,
  type WebhookStore,
} from './webhookStore.js';

/** How to reach Firestore (as for the content store). */
export interface FirestoreWebhookStoreOptions {
  projectId: string;
  /** host:port of the emulator; unset for real Firestore. */
  emulatorHost?: string;
  /** Deadline of one operation, after which it fails with UNAVAILABLE. */
  timeoutMs: number;
}

/** The collection of webhooks, one document per webhook, its id the webhook's. */
export const WEBHOOKS = 'webhooks';
/** The collection of deliveries, one per (webhook, event), its id the delivery's. */
export const DELIVERIES = 'webhookDeliveries';

const ALREADY_EXISTS = 6;
const UNREACHABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);
// Deletes of one batched write; Firestore allows 500.
const DELETE_BATCH = 400;

/**
 * The Firestore adapter of the webhook store. A delivery document is the Delivery plus three
 * fields its queries need (`documentKey`, `position`, `sortKey`, copied from the event), dropped
 * again when read; every read is parsed through the domain schemas. The composite indexes these
 * queries need are declared in firestore.indexes.json.
 */
export class FirestoreWebhookStore implements WebhookStore {
  private readonly db: Firestore;

  constructor(private readonly options: FirestoreWebhookStoreOptions) {
    this.db = new Firestore({
      projectId: options.projectId,
      ...(options.emulatorHost
        ? { host: options.emulatorHost, ssl: false, universeDomain: 'googleapis.com' }
        : {}),
      ignoreUndefinedProperties: true,
    });
  }

  createWebhook(webhook: Webhook): Promise<boolean> {
    return this.guard('a webhook write', () =>
      createIfAbsent(
        this.db.collection(WEBHOOKS).doc(webhook.id).create(webhookSchema.parse(webhook)),
      ),
    );
  }

  getWebhook(id: string): Promise<Webhook | null> {
    return this.guard('a webhook read', async () => {
      const snapshot = await this.db.collection(WEBHOOKS).doc(id).get();
      return snapshot.exists ? webhookSchema.parse(snapshot.data()) : null;
    });
  }

  listWebhooks(): Promise<Webhook[]> {
    return this.guard('a webhook list', async () => {
      const result = await this.query(WEBHOOK_QUERIES.webhooks(), []).get();
      return result.docs.map((doc) => webhookSchema.parse(doc.data()));
    });
  }

  updateWebhook(id: string, change: (current: Webhook) => Webhook | null): Promise<Webhook | null> {
    const ref = this.db.collection(WEBHOOKS).doc(id);
    return this.guard('a webhook update', () =>
      this.db.runTransaction(async (tx) => {
        const snapshotRead = tx.get(ref);
        observeLazyTransactionStart(tx);
        const snapshot = await snapshotRead;
        if (!snapshot.exists) return null;
        const current = webhookSchema.parse(snapshot.data());
        const next = change(structuredClone(current));
        if (next === null) return current;
        const parsed = webhookSchema.parse(next);
        tx.set(ref, parsed);
        return parsed;
      }),
    );
  }

  deleteWebhook(id: string): Promise<boolean> {
    return this.guard('a webhook delete', async () => {
      const ref = this.db.collection(WEBHOOKS).doc(id);
      const existed = (await ref.get()).exists;
      await ref.delete();
      // Its deliveries go after it: a worker that finds a delivery without its webhook drops it.
      for (;;) {
        const page = await this.query(WEBHOOK_QUERIES.ofWebhook(), [id]).limit(DELETE_BATCH).get();
        if (page.empty) return existed;
        const batch = this.db.batch();
        for (const doc of page.docs) batch.delete(doc.ref);
        await batch.commit();
      }
    });
  }

  createDelivery(delivery: Delivery): Promise<boolean> {
    const ref = this.db.collection(DELIVERIES).doc(delivery.id);
    return this.guard('a delivery write', () => createIfAbsent(ref.create(toStored(delivery))));
  }

  getDelivery(id: string): Promise<Delivery | null> {
    return this.guard('a delivery read', async () => {
      const snapshot = await this.db.collection(DELIVERIES).doc(id).get();
      return snapshot.exists ? fromStored(snapshot.data()!) : null;
    });
  }

  updateDelivery(
    id: string,
    change: (current: Delivery) => Delivery | null,
  ): Promise<Delivery | null> {
    const ref = this.db.collection(DELIVERIES).doc(id);
    return this.guard('a delivery update', () =>
      this.db.runTransaction(async (tx) => {
        const snapshotRead = tx.get(ref);
        observeLazyTransactionStart(tx);
        const snapshot = await snapshotRead;
        if (!snapshot.exists) return null;
        const current = fromStored(snapshot.data()!);
        const next = change(structuredClone(current));
        if (next === null) return current;
        const parsed = deliverySchema.parse(next);
        tx.set(ref, toStored(parsed));
        return parsed;
      }),
    );
  }

  listDeliveries(
    webhookId: string,
    first: number,
    after: string | null,
  ): Promise<StoredDeliveryPage> {
    const from = after === null ? null : sortKeyOfCursor(after);
    if (after !== null && from === null) return Promise.reject(badCursor());
    return this.guard('a delivery list', async () => {
      let query = this.query(WEBHOOK_QUERIES.page(), [webhookId]).limit(first + 1);
      if (from !== null) query = query.startAfter(from);
      const found = await read(query);
      const page = found.slice(0, first);
      const last = page[page.length - 1];
      return {
        deliveries: page,
        endCursor: found.length > first && last ? deliveryCursor(last) : null,
      };
    });
  }

  listDue(now: Date, limit: number): Promise<Delivery[]> {
    // A held delivery's null is no string, so the range leaves it out.
    return this.guard('a due delivery list', () =>
      read(this.query(WEBHOOK_QUERIES.due(), ['PENDING', now.toISOString()]).limit(limit)),
    );
  }

  listHeld(webhookId: string, limit: number): Promise<Delivery[]> {
    return this.guard('a held delivery list', () =>
      read(this.query(WEBHOOK_QUERIES.held(), [webhookId, 'PENDING', null]).limit(limit)),
    );
  }

  async earliestPending(
    webhookId: string,
    type: Delivery['event']['type'],
    documentId: string,
  ): Promise<Delivery | null> {
    const key = documentKey(type, documentId);
    const found = await this.guard('a pending delivery read', () =>
      read(this.query(WEBHOOK_QUERIES.pendingOfDocument(), [webhookId, key, 'PENDING']).limit(1)),
    );
    return found[0] ?? null;
  }

  /** Releases connections. */
  close(): Promise<void> {
    return this.db.terminate();
  }

  private query(declared: DeclaredWebhookQuery, values: unknown[]): Query {
    let query: Query = this.db.collection(declared.collection);
    declared.filters.forEach(([field, operator], i) => {
      query = query.where(field, operator, values[i]);
    });
    for (const [field, direction] of declared.orderBy) query = query.orderBy(field, direction);
    return query;
  }

  private async guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline(work(), this.options.timeoutMs, what);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number' && UNREACHABLE_CODES.has(code))
        throw new AppError(
          ErrorCode.UNAVAILABLE,
          `The webhook store is unreachable (${what} failed).`,
        );
      throw error;
    }
  }
}

async function createIfAbsent(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return false;
    throw error;
  }
}

async function read(query: Query): Promise<Delivery[]> {
  const result = await query.get();
  return result.docs.map((doc) => fromStored(doc.data()));
}

function documentKey(type: string, documentId: string): string {
  return `${type}/${documentId}`;
}

function toStored(delivery: Delivery): DocumentData {
  const parsed = deliverySchema.parse(delivery);
  return {
    ...parsed,
    documentKey: documentKey(parsed.event.type, parsed.event.documentId),
    position: parsed.event.position,
    sortKey: deliverySortKey(parsed),
  };
}

function fromStored(data: DocumentData): Delivery {
  const { documentKey: _key, position: _position, sortKey: _sortKey, ...delivery } = data;
  return deliverySchema.parse(delivery);
}
