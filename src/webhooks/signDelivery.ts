import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Names the sender in every delivery, so receivers can tell our calls apart in their logs. */
export const WEBHOOK_USER_AGENT = 'llm-course-content-api-webhooks/1';

const SECRET_PREFIX = 'whsec_';

/**
 * A new signing secret: `whsec_` + base64 of 32 random bytes, the Standard Webhooks form that
 * every one of that specification's libraries accepts as is.
 */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** A secret as a webhook stores it: `expiresAt` null for the current one. */
export interface SigningSecret {
  secret: string;
  expiresAt: string | null;
}

/** What one delivery is signed over. */
export interface SignInput {
  secrets: readonly SigningSecret[];
  /** The `webhook-id`: the event's id, the same on every retry so receivers can deduplicate. */
  messageId: string;
  /** When this attempt is sent: receivers refuse timestamps more than a few minutes off. */
  timestamp: Date;
  /** The exact bytes sent: a receiver verifies the raw body, so it must not be re-serialized. */
  body: string;
  /** The clock for secret expiry (defaults to now). */
  now?: Date;
}

/**
 * The headers of one delivery, per the Standard Webhooks specification: `webhook-id`,
 * `webhook-timestamp` (unix seconds) and `webhook-signature`, one `v1,<base64 HMAC-SHA256>` per
 * secret that has not expired at `now`, space-separated, the current secret's first. During a
 * rotation's overlap both are sent, so a receiver still holding the old secret keeps verifying.
 * Also the body's content type and our user agent. Throws if no secret is valid: sending an
 * unsigned delivery would teach receivers to skip verification.
 */
export function signDelivery(input: SignInput): Record<string, string> {
  const now = (input.now ?? new Date()).getTime();
  const signing = input.secrets
    .filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now)
    // Current (never-expiring) first, then the one that expires last: the newest first.
    .sort((a, b) => expiryOrder(b.expiresAt) - expiryOrder(a.expiresAt));
  if (signing.length === 0) {
    throw new Error('signDelivery: every secret of this webhook has expired');
  }
  const signatures = signing.map((s) =>
    new Webhook(s.secret).sign(input.messageId, input.timestamp, input.body),
  );
  return {
    'webhook-id': input.messageId,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
  };
}

function expiryOrder(expiresAt: string | null): number {
  return expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(expiresAt);
}
