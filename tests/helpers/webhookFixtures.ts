import { createHash } from 'node:crypto';
import { eventPosition, type ChangeEvent } from '../../src/domain/changeEvent.js';
import type { Delivery, Webhook } from '../../src/domain/webhook.js';

/** A change event at revision `rev` (write `index`), about concept `documentId` unless told. */
export function sampleEvent(
  rev: number,
  overrides: Partial<ChangeEvent> = {},
  index = 0,
): ChangeEvent {
  const position = eventPosition(rev, index);
  return {
    id: `evt_${createHash('sha256').update(position).digest('base64url').slice(0, 22)}`,
    position,
    rev,
    type: 'concept',
    documentId: 'attention',
    version: rev,
    action: 'updated',
    locales: ['ko', 'en'],
    status: 'PUBLISHED',
    translation: null,
    actor: 'editor:abc',
    occurredAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A stored webhook with one secret. */
export function sampleWebhook(id: string, overrides: Partial<Webhook> = {}): Webhook {
  return {
    id,
    url: 'https://example.com/hook',
    events: ['*'],
    description: '',
    active: true,
    pausedReason: null,
    consecutiveFailures: 0,
    secrets: [{ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', expiresAt: null }],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: null,
    ...overrides,
  };
}

/** A PENDING delivery of `event` to `webhookId`, due at `nextAttemptAt`. */
export function sampleDelivery(
  webhookId: string,
  event: ChangeEvent,
  overrides: Partial<Delivery> = {},
): Delivery {
  return {
    id: `${webhookId}.${event.id}`,
    webhookId,
    event,
    status: 'PENDING',
    attempts: [],
    retryFrom: 0,
    nextAttemptAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
