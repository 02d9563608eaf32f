import type { ChangeEvent } from '../domain/changeEvent.js';
import type { Delivery, Webhook, WebhookInput, WebhookPatch } from '../domain/webhook.js';

/** A webhook as admins see it: everything but its secrets. */
export type PublicWebhook = Omit<Webhook, 'secrets'> & {
  /** When the previous secret stops signing, during a rotation's overlap; else null. */
  previousSecretExpiresAt: string | null;
};

/** A page of deliveries, newest first. */
export interface DeliveryPage {
  deliveries: Delivery[];
  /** Pass as `after` for the next page; null when there is none. */
  endCursor: string | null;
}

/**
 * What the API's admin mutations and queries ask of webhooks (see graphql/). Every method
 * validates its input with the domain's zod schemas and throws AppError (BAD_USER_INPUT,
 * NOT_FOUND, CONFLICT) with a clear message; none returns a secret except `create` and
 * `rotateSecret`, once.
 */
export interface WebhookService {
  create(
    input: WebhookInput,
    actor: string | null,
  ): Promise<{ webhook: PublicWebhook; secret: string }>;
  list(): Promise<PublicWebhook[]>;
  get(id: string): Promise<PublicWebhook | null>;
  update(id: string, patch: WebhookPatch): Promise<PublicWebhook>;
  delete(id: string): Promise<void>;
  /** A new secret; the old one keeps signing (both signatures sent) for `overlapSeconds`. */
  rotateSecret(
    id: string,
    overlapSeconds: number,
  ): Promise<{ webhook: PublicWebhook; secret: string }>;
  deliveries(webhookId: string, first: number, after: string | null): Promise<DeliveryPage>;
  /** Sends a delivery again now (any status), with the same webhook-id. */
  redeliver(deliveryId: string): Promise<Delivery>;
  /** Queues every event from `fromRevision` on (matching the filter) for the webhook again. */
  replay(webhookId: string, fromRevision: number): Promise<{ queued: number }>;
}

/**
 * Takes published events to the webhooks that want them: what the Pub/Sub-triggered delivery
 * function and the embedded in-process path both call. Idempotent per (webhook, event).
 */
export interface EventDispatcher {
  dispatch(events: readonly ChangeEvent[]): Promise<void>;
  /** Tries every PENDING delivery whose next attempt is due (the scheduler's tick). */
  deliverDue(now?: Date): Promise<{ attempted: number }>;
}
