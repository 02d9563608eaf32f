import { z } from 'zod';
import { changeEventSchema } from './changeEvent.js';

/**
 * An event filter: event names (`concept.updated`) or patterns with `*` for either part
 * (`concept.*`, `*.published`, `*`). Checked against the known names when a webhook is saved.
 */
export const eventFilterSchema = z
  .array(z.string().regex(/^(\*|[a-z]+)(\.(\*|[a-z]+))?$/, 'an event name or pattern'))
  .min(1)
  .max(50);

/** What an admin registers: where to deliver, which events, and a note for people. */
export const webhookInputSchema = z
  .object({
    url: z.string().url().max(2048),
    events: eventFilterSchema,
    description: z.string().max(500).default(''),
  })
  .strict();

/** What `updateWebhook` may change; `active: true` also resumes an automatically paused webhook. */
export const webhookPatchSchema = z
  .object({
    url: z.string().url().max(2048).optional(),
    events: eventFilterSchema.optional(),
    description: z.string().max(500).optional(),
    active: z.boolean().optional(),
  })
  .strict();

/** A signing secret (`whsec_` + base64 of 32 random bytes); an old one signs until it expires. */
export const webhookSecretSchema = z.object({
  secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/),
  /** Null for the current secret; when a rotation's overlap window ends for the previous one. */
  expiresAt: z.string().nullable(),
});

/** A webhook subscription as stored. Its secrets never leave the server after creation/rotation. */
export const webhookSchema = z
  .object({
    id: z.string().regex(/^wh_[A-Za-z0-9_-]{10,40}$/),
    url: z.string().url(),
    events: eventFilterSchema,
    description: z.string(),
    /** False when paused, by an admin or automatically after repeated failures (`pausedReason`). */
    active: z.boolean(),
    pausedReason: z.string().nullable(),
    /**
     * Deliveries in a row that failed every attempt of their retry schedule (dead letters),
     * reset by any successful attempt: what pauses it automatically (see webhooks/webhooks.ts).
     */
    consecutiveFailures: z.number().int().nonnegative(),
    secrets: z.array(webhookSecretSchema).min(1).max(2),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .strict();

/** One try at delivering an event to a webhook. */
export const deliveryAttemptSchema = z.object({
  at: z.string(),
  /** The receiver's HTTP status; null when no answer came (timeout, refused, blocked address). */
  statusCode: z.number().int().nullable(),
  /** Why it failed, in words (never a stack); null on success. */
  error: z.string().nullable(),
  latencyMs: z.number().nonnegative(),
});

/**
 * The delivery of one event to one webhook: PENDING until it succeeds (DELIVERED) or its retries
 * run out (FAILED: dead-lettered, redeliverable by an admin). Its id is the webhook's and the
 * event's, so the same event is never queued twice for the same webhook.
 */
export const deliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    event: changeEventSchema,
    status: z.enum(['PENDING', 'DELIVERED', 'FAILED']),
    attempts: z.array(deliveryAttemptSchema),
    /**
     * Where in `attempts` the current retry schedule began: 0 at first, `attempts.length` when an
     * admin sends a finished delivery again or replays it, so it gets a whole schedule.
     */
    retryFrom: z.number().int().nonnegative(),
    /** When the next try is due (PENDING only). */
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();

/** A webhook subscription. */
export type Webhook = z.infer<typeof webhookSchema>;
/** A webhook as an admin registers it. */
export type WebhookInput = z.input<typeof webhookInputSchema>;
/** A change to a webhook. */
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;
/** A delivery of one event to one webhook. */
export type Delivery = z.infer<typeof deliverySchema>;
/** One try of a delivery. */
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;
