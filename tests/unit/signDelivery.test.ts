import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { webhookSecretSchema } from '../../src/domain/webhook.js';
import { projectRoot } from '../../src/paths.js';
import { newWebhookSecret, signDelivery } from '../../src/webhooks/signDelivery.js';

// The Standard Webhooks specification's published test vector (the `standardwebhooks`
// library's own "sign function works" test): matching it is what lets any receiver verify our
// deliveries with any of that specification's libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  messageId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: new Date(1614265330 * 1000),
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const VERIFIER = join(projectRoot(), 'tests', 'helpers', 'verify_standard_webhook.py');

/** Runs the independent Python verifier; true when it accepts. */
function pythonVerifies(input: {
  secret: string;
  headers: Record<string, string>;
  body: string;
  now?: number;
}): { ok: boolean; why: string } {
  const run = spawnSync('python3', [VERIFIER], { input: JSON.stringify(input), encoding: 'utf8' });
  if (run.error) throw run.error;
  return { ok: run.status === 0, why: run.stderr.trim() };
}

describe('newWebhookSecret', () => {
  test('is whsec_ + base64 of 32 random bytes, valid for the domain schema, never repeated', () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(webhookSecretSchema.safeParse({ secret: a, expiresAt: null }).success).toBe(true);
    expect(a).not.toBe(b);
  });
});

describe('signDelivery', () => {
  test('reproduces the Standard Webhooks test vector', () => {
    const headers = signDelivery({
      secrets: [{ secret: VECTOR.secret, expiresAt: null }],
      messageId: VECTOR.messageId,
      timestamp: VECTOR.timestamp,
      body: VECTOR.body,
    });
    expect(headers).toEqual({
      'webhook-id': VECTOR.messageId,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
      'content-type': 'application/json',
      'user-agent': 'llm-course-content-api-webhooks/1',
    });
  });

  const now = new Date('2026-12-04T12:00:00Z');
  const current = newWebhookSecret();
  const previous = newWebhookSecret();
  const sign = (expiresAt: string) =>
    signDelivery({
      // The old one listed first, as a store might: the current one must still sign first.
      secrets: [
        { secret: previous, expiresAt },
        { secret: current, expiresAt: null },
      ],
      messageId: 'evt_0123456789abcdefghijkl',
      timestamp: now,
      body: '{"type":"concept.updated"}',
      now,
    });
  const signatureFor = (secret: string) =>
    signDelivery({
      secrets: [{ secret, expiresAt: null }],
      messageId: 'evt_0123456789abcdefghijkl',
      timestamp: now,
      body: '{"type":"concept.updated"}',
    })['webhook-signature'];

  test('during a rotation overlap both secrets sign, the current one first', () => {
    const headers = sign('2026-12-04T13:00:00Z');
    expect(headers['webhook-signature']).toBe(`${signatureFor(current)} ${signatureFor(previous)}`);
  });

  test('after the overlap only the current secret signs', () => {
    expect(sign('2026-12-04T11:59:59Z')['webhook-signature']).toBe(signatureFor(current));
    // Expiry is exclusive: at the instant it expires, the old secret no longer signs.
    expect(sign(now.toISOString())['webhook-signature']).toBe(signatureFor(current));
  });

  test('refuses to send unsigned when every secret has expired', () => {
    expect(() =>
      signDelivery({
        secrets: [{ secret: previous, expiresAt: '2026-01-01T00:00:00Z' }],
        messageId: 'evt_0123456789abcdefghijkl',
        timestamp: now,
        body: '{}',
        now,
      }),
    ).toThrow(/expired/);
  });
});

describe('an independent verifier (Python stdlib) accepts what we sign', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: 'evt_0123456789abcdefghijkl', note: 'één 한국어 ✓' });
  const headers = signDelivery({
    secrets: [{ secret, expiresAt: null }],
    messageId: 'evt_0123456789abcdefghijkl',
    timestamp: new Date(),
    body,
  });

  test('accepts the published vector (the verifier itself is right)', () => {
    const vectorHeaders = {
      'webhook-id': VECTOR.messageId,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    };
    const base = { secret: VECTOR.secret, headers: vectorHeaders, body: VECTOR.body };
    expect(pythonVerifies({ ...base, now: 1614265330 })).toEqual({ ok: true, why: '' });
    expect(pythonVerifies({ ...base, now: 1614265330 + 301 }).ok).toBe(false);
  });

  test('accepts a fresh delivery with non-ASCII text in the body', () => {
    expect(pythonVerifies({ secret, headers, body })).toEqual({ ok: true, why: '' });
  });

  test('accepts when only the older of two signatures matches its secret', () => {
    const older = newWebhookSecret();
    const rotated = signDelivery({
      secrets: [
        { secret: newWebhookSecret(), expiresAt: null },
        { secret: older, expiresAt: new Date(Date.now() + 60_000).toISOString() },
      ],
      messageId: 'evt_0123456789abcdefghijkl',
      timestamp: new Date(),
      body,
    });
    expect(pythonVerifies({ secret: older, headers: rotated, body }).ok).toBe(true);
  });

  test.each([
    ['a tampered body', { body: body.replace('evt_', 'evx_') }],
    ['another message id', { headers: { ...headers, 'webhook-id': 'evt_other' } }],
    [
      'a shifted timestamp',
      {
        headers: {
          ...headers,
          'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1),
        },
      },
    ],
    ['another secret', { secret: newWebhookSecret() }],
    [
      'a stale delivery (over 5 minutes old)',
      { now: Number(headers['webhook-timestamp']) + 6 * 60 },
    ],
  ])('refuses %s', (_name, change) => {
    const result = pythonVerifies({ secret, headers, body, ...change });
    expect(result.ok).toBe(false);
    expect(result.why).not.toBe('');
  });
});
