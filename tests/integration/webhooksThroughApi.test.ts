// Webhooks as an admin meets them, through the real function on the embedded store: register one
// with a mutation (its secret shown once), edit content, and a signed delivery arrives at a local
// receiver, verified by an independent Standard Webhooks implementation (Python, standard library
// only). The receiver breaks, is mended, and the in-process retries deliver the same event (same
// webhook-id) once the schedule says so; the delivery log tells it all. Only admins manage them,
// and production refuses private targets.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { as } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { pollUntil } from '../helpers/pollUntil.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';
import { TestClock } from '../helpers/webhookSetup.js';
import { startReceiver, type Received, type WebhookReceiver } from '../helpers/webhookReceiver.js';

const VERIFIER = join(projectRoot(), 'tests', 'helpers', 'verify_standard_webhook.py');

const CREATE =
  'mutation($i: WebhookInput!) { createWebhook(input: $i) { secret webhook { id url events active } } }';
const UPDATE =
  'mutation($s: ID!, $v: Int, $p: ConceptPatch!) { updateConcept(slug: $s, expectedVersion: $v, patch: $p, allowUntranslated: true) { version } }';
const DELIVERIES =
  'query($w: ID!) { webhookDeliveries(webhookId: $w) { deliveries { status nextAttemptAt event { id name version } attempts { statusCode error } } } }';

let clock: TestClock;
let served: Awaited<ReturnType<typeof serveApi>>;
let receiver: WebhookReceiver;
beforeEach(async () => {
  clock = new TestClock();
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS }, { clock: clock.now });
  receiver = await startReceiver();
});
afterEach(async () => {
  await served.close();
  await receiver.close();
});

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function verifiedByPython(secret: string, received: Received): boolean {
  const run = spawnSync('python3', [VERIFIER], {
    // The deliveries are stamped by the test clock: the verifier's "now" is that clock's.
    input: JSON.stringify({
      secret,
      headers: received.headers,
      body: received.body,
      now: Math.floor(clock.now().getTime() / 1000),
    }),
    encoding: 'utf8',
  });
  return run.status === 0;
}

async function editEncoderAlias(alias: string): Promise<void> {
  const read = await as('admin', served.url, '{ concept(slug: "encoder") { version } }');
  const edited = await as('admin', served.url, UPDATE, {
    s: 'encoder',
    v: read.data.concept.version,
    p: { aliases: [alias] },
  });
  expect(edited.errors).toBeUndefined();
}

describe('webhooks through the API', () => {
  it('delivers a signed event after an edit, retries a broken receiver with the same id, and logs it', async () => {
    const created = await as('admin', served.url, CREATE, {
      i: { url: receiver.url, events: ['concept.*'], description: 'local receiver' },
    });
    expect(created.errors).toBeUndefined();
    const { secret, webhook } = created.data.createWebhook;
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ url: receiver.url, events: ['concept.*'], active: true });
    // The secret is shown once: no query returns it.
    const listed = await as('admin', served.url, '{ webhooks { id description } }');
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));

    await editEncoderAlias('Encoder block');
    const first = await until('the first delivery', () => receiver.received[0]);
    expect(verifiedByPython(secret, first)).toBe(true);
    const another = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(verifiedByPython(another, first)).toBe(false);
    expect(first.payload).toMatchObject({
      type: 'concept.updated',
      data: { documentId: 'encoder', version: 2, action: 'updated' },
    });
    expect(first.headers['webhook-id']).toBe(first.payload.data.id);

    // The receiver breaks: the next edit's delivery fails, at once and 5 s later.
    receiver.status = () => 503;
    await editEncoderAlias('Encoder stack');
    await until('the failed attempt', () => receiver.received[1]);
    // The retry is scheduled 5 s after the clock's time when the failure is recorded, which
    // comes after the receiver saw the request: advanced before that, the clock would only
    // push the retry on with it. Wait for the record.
    await pollUntil(
      () => as('admin', served.url, DELIVERIES, { w: webhook.id }),
      (answer) => answer.data.webhookDeliveries.deliveries[0]?.attempts.length === 1,
    );
    clock.advance(6_000);
    await until('the retry after 5 s', () => receiver.received[2]);
    const log = await pollUntil(
      () => as('admin', served.url, DELIVERIES, { w: webhook.id }),
      (answer) => answer.data.webhookDeliveries.deliveries[0]?.attempts.length === 2,
    );
    const pending = log.data.webhookDeliveries.deliveries[0];
    expect(pending).toMatchObject({
      status: 'PENDING',
      event: { name: 'concept.updated', version: 3 },
      attempts: [{ statusCode: 503 }, { statusCode: 503 }],
    });
    expect(pending.nextAttemptAt).not.toBeNull();

    // Mended; the schedule's next retry (5 minutes on) delivers the same event, same id.
    receiver.status = () => 200;
    clock.advance(6 * 60_000);
    const retried = await until('the retry after 5 minutes', () => receiver.received[3]);
    expect(retried.headers['webhook-id']).toBe(receiver.received[1]!.headers['webhook-id']);
    expect(verifiedByPython(secret, retried)).toBe(true);
    const after = await as('admin', served.url, DELIVERIES, { w: webhook.id });
    expect(after.data.webhookDeliveries.deliveries[0]).toMatchObject({
      status: 'DELIVERED',
      nextAttemptAt: null,
    });
    expect(after.data.webhookDeliveries.deliveries[0].attempts).toHaveLength(3);
  });

  it('does not let a receiver that never answers hold up the events after it', async () => {
    // A receiver that takes the request and never answers (cut at WEBHOOK_TIMEOUT_MS).
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hook`;
    await served.close();
    served = await serveApi({ API_TOKENS: TEST_API_TOKENS, WEBHOOK_TIMEOUT_MS: '8000' });
    try {
      for (const url of [silentUrl, receiver.url]) {
        const created = await as('admin', served.url, CREATE, {
          i: { url, events: ['concept.*'] },
        });
        expect(created.errors).toBeUndefined();
      }
      await editEncoderAlias('Encoder block');
      await until('the first event at the answering receiver', () => receiver.received[0], 4000);
      // The silent receiver still holds its first delivery; the next event is not kept waiting.
      await editEncoderAlias('Encoder stack');
      const second = await until('the next event', () => receiver.received[1], 4000);
      expect(second.payload.data.version).toBe(3);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 30_000);

  it('is an admin’s: editors are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    const input = { i: { url: receiver.url, events: ['*'] } };
    expect((await as('editor', served.url, CREATE, input)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await as('anonymous', served.url, CREATE, input)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await as('editor', served.url, '{ webhooks { id } }')).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses private and plain-http targets in production, and filters that match nothing', async () => {
    const production = await serveApi({ API_TOKENS: TEST_API_TOKENS, NODE_ENV: 'production' });
    try {
      for (const url of [receiver.url, 'https://127.0.0.1/hook', 'https://169.254.169.254/x']) {
        const refused = await as('admin', production.url, CREATE, { i: { url, events: ['*'] } });
        expect({ url, code: refused.errors?.[0]?.extensions?.code }).toEqual({
          url,
          code: 'BAD_USER_INPUT',
        });
      }
      const typo = await as('admin', production.url, CREATE, {
        i: { url: 'https://hooks.example.com/in', events: ['concepts.updated'] },
      });
      expect(typo.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await production.close();
    }
  });
});
