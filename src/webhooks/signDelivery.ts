// TEMPORARY: replaced by the wt-hooksend branch
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** What signing a delivery needs: every secret of the webhook (expired ones are skipped). */
export interface SignDeliveryInput {
  secrets: readonly { secret: string; expiresAt: string | null }[];
  messageId: string;
  timestamp: Date;
  body: string;
  now?: Date;
}

/**
 * The Standard Webhooks headers of one delivery: one `v1,` signature per live secret, so a
 * receiver holding either secret during a rotation's overlap can verify it.
 */
export function signDelivery(input: SignDeliveryInput): Record<string, string> {
  const now = (input.now ?? new Date()).toISOString();
  const live = input.secrets.filter(({ expiresAt }) => expiresAt === null || expiresAt > now);
  const signatures = live.map(({ secret }) =>
    new Webhook(secret).sign(input.messageId, input.timestamp, input.body),
  );
  return {
    'webhook-id': input.messageId,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
    'content-type': 'application/json',
    'user-agent': 'llm-course-content-api-webhooks/1',
  };
}

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
