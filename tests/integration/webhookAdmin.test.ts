// The admin side of webhooks: validation, secrets shown once, rotation, paging, errors.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { AppError, ErrorCode, type Issue } from '../../src/errors.js';
import { startReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.js';
import {
  putCategory,
  putConcept,
  webhookWorld,
  type WebhookWorld,
} from '../helpers/webhookSetup.js';

let receiver: WebhookReceiver;
let world: WebhookWorld;
beforeEach(async () => {
  receiver = await startReceiver();
  world = webhookWorld();
});
afterEach(() => receiver.close());

async function failure(work: Promise<unknown>): Promise<{ code: ErrorCode; issues: Issue[] }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, issues: error.issues };
    throw error;
  }
  throw new Error('expected an AppError');
}

function signatures(headers: Record<string, unknown>): string[] {
  return String(headers['webhook-signature']).split(' ');
}

function subscribe() {
  return world.webhooks.create({ url: receiver.url, events: ['*'] }, 'admin:test');
}

describe('creating and reading webhooks', () => {
  it('shows the secret once: never in list, get, update or rotation output', async () => {
    const { webhook, secret } = await subscribe();
    expect(webhook).toMatchObject({
      url: receiver.url,
      events: ['*'],
      description: '',
      active: true,
      createdBy: 'admin:test',
    });
    expect(webhook.id).toMatch(/^wh_/);
    expect(secret).toMatch(/^whsec_/);
    const rotated = await world.webhooks.rotateSecret(webhook.id, 60);
    const outputs = [
      webhook,
      await world.webhooks.list(),
      await world.webhooks.get(webhook.id),
      await world.webhooks.update(webhook.id, { description: 'x' }),
      rotated.webhook,
    ];
    for (const output of outputs) {
      expect(JSON.stringify(output)).not.toContain('whsec_');
      expect(output).not.toHaveProperty('secrets');
    }
  });

  it('refuses unknown event names, bad URLs and unknown fields, naming each path', async () => {
    const bad = await failure(
      world.webhooks.create(
        { url: receiver.url, events: ['concept.updated', 'concept.update', 'glossary.*'] },
        null,
      ),
    );
    expect(bad.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(bad.issues.map((i) => i.path)).toEqual([
      ['events', 1],
      ['events', 2],
    ]);
    const url = await failure(
      world.webhooks.create({ url: 'ftp://example.com/x', events: ['*'] }, null),
    );
    expect(url.issues.map((i) => i.path)).toEqual([['url']]);
    const shape = await failure(
      world.webhooks.create({ url: receiver.url, events: [], extra: 1 } as never, null),
    );
    expect(shape.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(shape.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['events']]));
    const { webhook } = await subscribe();
    const update = await failure(world.webhooks.update(webhook.id, { url: 'not a url' }));
    expect(update.issues.map((i) => i.path)).toEqual([['url']]);
    expect(await world.webhooks.list()).toHaveLength(1);
  });

  it('answers NOT_FOUND for what does not exist, and bounds paging', async () => {
    const missing = 'wh_doesnotexist00';
    expect(await world.webhooks.get(missing)).toBeNull();
    for (const work of [
      world.webhooks.update(missing, { description: 'x' }),
      world.webhooks.delete(missing),
      world.webhooks.rotateSecret(missing, 0),
      world.webhooks.deliveries(missing, 10, null),
      world.webhooks.redeliver('nope'),
      world.webhooks.replay(missing, 1),
    ])
      expect((await failure(work)).code).toBe(ErrorCode.NOT_FOUND);
    const { webhook } = await subscribe();
    expect(
      (await failure(world.webhooks.deliveries(webhook.id, 101, null))).issues[0]?.path,
    ).toEqual(['first']);
    expect(
      (await failure(world.webhooks.deliveries(webhook.id, 10, 'bogus'))).issues[0]?.path,
    ).toEqual(['after']);
    expect((await failure(world.webhooks.replay(webhook.id, 0))).issues[0]?.path).toEqual([
      'fromRevision',
    ]);
    expect(
      (await failure(world.webhooks.rotateSecret(webhook.id, 8 * 24 * 3600))).issues[0]?.path,
    ).toEqual(['overlapSeconds']);
  });

  it('pages a webhook’s deliveries newest first', async () => {
    const { webhook } = await subscribe();
    await world.edit([putCategory]);
    for (const slug of ['a', 'b', 'c']) {
      world.clock.advance(1000);
      await world.edit([putConcept(slug)]);
    }
    const first = await world.webhooks.deliveries(webhook.id, 3, null);
    expect(first.deliveries.map((d) => d.event.documentId)).toEqual(['c', 'b', 'a']);
    const rest = await world.webhooks.deliveries(webhook.id, 3, first.endCursor);
    expect(rest.deliveries.map((d) => d.event.documentId)).toEqual(['k']);
    expect(rest.endCursor).toBeNull();
  });
});

describe('rotating the secret', () => {
  it('signs with both secrets during the overlap, each verifiable on its own, then with the new one', async () => {
    const { webhook, secret: oldSecret } = await subscribe();
    const { secret: newSecret, webhook: rotated } = await world.webhooks.rotateSecret(
      webhook.id,
      3600,
    );
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.previousSecretExpiresAt).toBe(
      new Date(world.clock.now().getTime() + 3600_000).toISOString(),
    );
    await world.edit([putCategory]);
    const during = receiver.received[0]!;
    expect(signatures(during.headers)).toHaveLength(2);
    for (const secret of [oldSecret, newSecret])
      expect(
        new StandardWebhook(secret).verify(during.body, during.headers as Record<string, string>),
      ).toEqual(during.payload);

    // A rotation without overlap: only the newest secret signs; the one before no longer verifies.
    const { secret: newest } = await world.webhooks.rotateSecret(webhook.id, 0);
    expect((await world.webhooks.get(webhook.id))?.previousSecretExpiresAt).toBeNull();
    await world.edit([putConcept('a')]);
    const after = receiver.received[1]!;
    const headers = after.headers as Record<string, string>;
    expect(signatures(headers)).toHaveLength(1);
    expect(new StandardWebhook(newest).verify(after.body, headers)).toEqual(after.payload);
    expect(() => new StandardWebhook(newSecret).verify(after.body, headers)).toThrow();
  });

  it('stops signing with the previous secret once the overlap is over', async () => {
    const { webhook } = await subscribe();
    await world.webhooks.rotateSecret(webhook.id, 60);
    world.clock.advance(61_000);
    expect((await world.webhooks.get(webhook.id))?.previousSecretExpiresAt).toBeNull();
    await world.edit([putCategory]);
    expect(signatures(receiver.received[0]!.headers)).toHaveLength(1);
  });
});
