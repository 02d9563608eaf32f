import type { Webhook } from '../domain/webhook.js';
import type { PublicWebhook } from './webhookService.js';

/**
 * A webhook as admins see it: its secrets left out (they are shown once, when made), and when the
 * previous secret stops signing if a rotation's overlap is still running at `now`.
 */
export function toPublicWebhook(webhook: Webhook, now: Date): PublicWebhook {
  const { secrets, ...rest } = webhook;
  const at = now.toISOString();
  const previous = secrets.find(({ expiresAt }) => expiresAt !== null && expiresAt > at);
  return { ...rest, previousSecretExpiresAt: previous?.expiresAt ?? null };
}
