import type { DeclaredQuery } from '../store/firestore/firestoreQueries.js';

/** A query of the webhook store, described like the content store's for the index check. */
export type DeclaredWebhookQuery = Omit<DeclaredQuery, 'collection'> & {
  collection: 'webhooks' | 'webhookDeliveries';
};

/**
 * Every query the Firestore webhook store makes. The adapter builds its queries from these, and
 * tests/integration/deployConfig.test.ts checks firestore.indexes.json serves each (the emulator
 * does not need indexes; real Firestore refuses a query without one).
 */
export const WEBHOOK_QUERIES = {
  /** Every webhook, oldest first. */
  webhooks: (): DeclaredWebhookQuery => ({
    collection: 'webhooks',
    filters: [],
    orderBy: [['createdAt', 'asc']],
  }),
  /** Every delivery of a webhook (to delete them with it). */
  ofWebhook: (): DeclaredWebhookQuery => ({
    collection: 'webhookDeliveries',
    filters: [['webhookId', '==']],
    orderBy: [],
  }),
  /** A webhook's deliveries, newest first. */
  page: (): DeclaredWebhookQuery => ({
    collection: 'webhookDeliveries',
    filters: [['webhookId', '==']],
    orderBy: [['sortKey', 'desc']],
  }),
  /** PENDING deliveries due by a time, earliest due first, then in event order. */
  due: (): DeclaredWebhookQuery => ({
    collection: 'webhookDeliveries',
    filters: [
      ['status', '=='],
      ['nextAttemptAt', '<='],
    ],
    orderBy: [
      ['nextAttemptAt', 'asc'],
      ['position', 'asc'],
    ],
  }),
  /** A webhook's held deliveries (PENDING, no due time), in event order. */
  held: (): DeclaredWebhookQuery => ({
    collection: 'webhookDeliveries',
    filters: [
      ['webhookId', '=='],
      ['status', '=='],
      ['nextAttemptAt', '=='],
    ],
    orderBy: [['position', 'asc']],
  }),
  /** A webhook's PENDING deliveries for one document, in event order. */
  pendingOfDocument: (): DeclaredWebhookQuery => ({
    collection: 'webhookDeliveries',
    filters: [
      ['webhookId', '=='],
      ['documentKey', '=='],
      ['status', '=='],
    ],
    orderBy: [['position', 'asc']],
  }),
} as const;
