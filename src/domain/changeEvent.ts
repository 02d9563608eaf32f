import { z } from 'zod';
import { LOCALES } from './locale.js';
import { contentStatusSchema } from './status.js';

/** The document types events are about, singular as event names use them (`concept.updated`). */
export const EVENT_TYPES = ['category', 'concept', 'relation', 'comparison', 'lesson'] as const;

/** What happened to a document. */
export const EVENT_ACTIONS = ['created', 'updated', 'deleted', 'published', 'unpublished'] as const;

/** A document type of an event. */
export type EventType = (typeof EVENT_TYPES)[number];

/** An action of an event. */
export type EventAction = (typeof EVENT_ACTIONS)[number];

/**
 * Where an event sits in the content's history: the commit's revision and the write's index in
 * it, zero-padded so that the outbox's document ids sort in commit order (`000000000042-000003`).
 * The cursor of the pull feed and of the relay.
 */
export const eventPositionSchema = z.string().regex(/^\d{12}-\d{6}$/, 'an event position');

/** The English state of a document's texts after an update (see domain/translation). */
export const eventTranslationSchema = z.object({
  state: z.enum(['MISSING', 'OUTDATED', 'CURRENT']),
  outdated: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  /** Whether any text's state moved with this write (a Korean edit outdating its English, a translation). */
  changed: z.boolean(),
});

/**
 * One committed change of one document, written in the same commit as the change (the outbox):
 * it exists if and only if the change does. It names the document and its new version, never
 * its content: a subscriber fetches what it needs through the API.
 */
export const changeEventSchema = z
  .object({
    /** Stable and unique across store epochs: the webhook-id of every delivery of this event. */
    id: z.string().regex(/^evt_[A-Za-z0-9_-]{22}$/),
    position: eventPositionSchema,
    /** The content revision of the commit (a total order over all changes). */
    rev: z.number().int().positive(),
    type: z.enum(EVENT_TYPES),
    documentId: z.string().min(1).max(300),
    /** The document's version after the change (a tombstone's for a delete). */
    version: z.number().int().positive(),
    action: z.enum(EVENT_ACTIONS),
    /** The locales whose readers see something different after this change. */
    locales: z.array(z.enum(LOCALES)),
    /** Publication status after the change (documents that have one; null otherwise or deleted). */
    status: contentStatusSchema.nullable(),
    /** The English state after an update; null for a creation or a deletion. */
    translation: eventTranslationSchema.nullable(),
    /** Who made the change: `role:fingerprint` of the token (never the token) or a tool's name. */
    actor: z.string().nullable(),
    occurredAt: z.string(),
  })
  .strict();

/** One change event. */
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/**
 * The body of every webhook delivery of an event, in the Standard Webhooks payload shape: `type`
 * is the event's name, `timestamp` when it happened, `data` the event itself (ids and versions,
 * never content: receivers fetch what they need through the API). What a subscriber validates.
 */
export const changeEventDeliverySchema = z
  .object({
    type: z.string().regex(/^[a-z]+\.[a-z]+$/, 'an event name'),
    timestamp: z.string(),
    data: changeEventSchema,
  })
  .strict();

/** The body of a webhook delivery. */
export type ChangeEventDelivery = z.infer<typeof changeEventDeliverySchema>;

/** An event's name, the form filters use: `concept.updated`. */
export function eventName(event: Pick<ChangeEvent, 'type' | 'action'>): string {
  return `${event.type}.${event.action}`;
}

/** Every event name there is, for validating filters. */
export const EVENT_NAMES: readonly string[] = EVENT_TYPES.flatMap((type) =>
  EVENT_ACTIONS.map((action) => `${type}.${action}`),
);

/** The position of write `index` of the commit at `rev`. */
export function eventPosition(rev: number, index: number): string {
  return `${String(rev).padStart(12, '0')}-${String(index).padStart(6, '0')}`;
}
