// Webhook delivery end to end on the memory stores: real edits write events, the dispatcher
// sends them signed over real HTTP to receivers on 127.0.0.1, a test clock drives the retries.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { freePort } from '../helpers/processes.js';
import { failing, startReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.js';
import {
  putCategory,
  putConcept,
  webhookWorld,
  type WebhookWorld,
} from '../helpers/webhookSetup.js';
import { RETRY_DELAYS_MS } from '../../src/webhooks/deliverySchedule.js';

let receiver: WebhookReceiver;
let world: WebhookWorld;
beforeEach(async () => {
  receiver = await startReceiver();
  world = webhookWorld();
});
afterEach(() => receiver.close());

async function subscribe(events = ['concept.*'], url = receiver.url) {
  return world.webhooks.create({ url, events, description: 'test' }, 'admin:test');
}

const SECOND = 1000;

describe('dispatching an edit', () => {
  it('delivers its event signed, in the Standard Webhooks shape, and records the attempt', async () => {
    const { webhook, secret } = await subscribe();
    const [, event] = await world.edit([putCategory, putConcept('attention')]);
    expect(receiver.received).toHaveLength(1); // the category's event is not asked for
    const [got] = receiver.received;
    expect(got!.headers['webhook-id']).toBe(event!.id);
    expect(
      new StandardWebhook(secret).verify(got!.body, got!.headers as Record<string, string>),
    ).toEqual(got!.payload);
    expect(got!.payload).toEqual({
      type: 'concept.created',
      timestamp: event!.occurredAt,
      data: event,
    });
    const { deliveries } = await world.webhooks.deliveries(webhook.id, 10, null);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ id: `${webhook.id}.${event!.id}`, status: 'DELIVERED' });
    expect(deliveries[0]!.attempts).toEqual([
      expect.objectContaining({ statusCode: 200, error: null }),
    ]);
  });

  it('queues nothing twice when the same events are dispatched again', async () => {
    await subscribe();
    const events = await world.edit([putCategory, putConcept('attention')]);
    await world.webhooks.dispatch(events);
    world.clock.advance(10 * SECOND);
    await world.webhooks.deliverDue();
    expect(receiver.received).toHaveLength(1);
  });

  it('sends a due delivery once when two ticks run at the same time', async () => {
    receiver.status = failing(1);
    await subscribe();
    await world.edit([putCategory, putConcept('attention')]);
    world.clock.advance(10 * SECOND);
    const ticks = await Promise.all([world.webhooks.deliverDue(), world.webhooks.deliverDue()]);
    expect(ticks.map((t) => t.attempted).sort()).toEqual([0, 1]);
    expect(receiver.received).toHaveLength(2);
  });

  it('sends each webhook only the events its filter names', async () => {
    const published = await startReceiver();
    const categories = await startReceiver();
    try {
      await subscribe(['concept.published'], published.url);
      await subscribe(['category.*'], categories.url);
      await world.edit([putCategory, putConcept('attention')]);
      await world.edit([putConcept('attention', { version: 1, status: 'PUBLISHED' })]);
      expect(published.received.map((r) => r.payload.type)).toEqual(['concept.published']);
      expect(categories.received.map((r) => r.payload.type)).toEqual(['category.created']);
    } finally {
      await Promise.all([published.close(), categories.close()]);
    }
  });
});

describe('retries', () => {
  it('retries a failing receiver on the schedule with the same webhook-id until it answers', async () => {
    receiver.status = failing(2);
    const { webhook } = await subscribe();
    const [, event] = await world.edit([putCategory, putConcept('attention')]);
    expect(receiver.received).toHaveLength(1);
    expect((await world.webhooks.deliverDue()).attempted).toBe(0); // not due for 5 s
    world.clock.advance(5 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(1);
    world.clock.advance(5 * 60 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(1);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      event!.id,
      event!.id,
      event!.id,
    ]);
    const delivery = (await world.webhooks.deliveries(webhook.id, 1, null)).deliveries[0]!;
    expect(delivery.status).toBe('DELIVERED');
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(delivery.attempts[0]!.error).toMatch(/500/);
  });

  it('after an outage, delivers every event, each document’s in commit order', async () => {
    receiver.status = () => 503;
    await subscribe();
    await world.edit([putCategory, putConcept('a'), putConcept('b')]);
    await world.edit([putConcept('a', { version: 1, definition: 'two' })]);
    await world.edit([
      putConcept('a', { version: 2, definition: 'three' }),
      putConcept('b', { version: 1, definition: 'two' }),
    ]);
    // Only the first event of each document was tried; the rest wait behind it.
    // (Documents go out in parallel, so a and b may arrive in either order.)
    expect(
      receiver.received.map((r) => `${r.payload.data.documentId}${r.payload.data.version}`).sort(),
    ).toEqual(['a1', 'b1']);
    world.clock.advance(10 * SECOND);
    await world.webhooks.deliverDue();
    expect(receiver.received).toHaveLength(4); // a1, b1 again: still down
    receiver.status = () => 200;
    world.clock.advance(6 * 60 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(5);
    const after = receiver.received.slice(4).map((r) => r.payload.data);
    expect(after.filter((e) => e.documentId === 'a').map((e) => e.version)).toEqual([1, 2, 3]);
    expect(after.filter((e) => e.documentId === 'b').map((e) => e.version)).toEqual([1, 2]);
    world.clock.advance(24 * 3600 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(0); // nothing left
  });

  it('dead-letters a delivery once the schedule runs out, then an admin can redeliver it', async () => {
    const closedPort = await freePort();
    const { webhook } = await subscribe(['concept.*'], `http://127.0.0.1:${closedPort}/hook`);
    const [, event] = await world.edit([putCategory, putConcept('attention')]);
    const id = `${webhook.id}.${event!.id}`;
    for (const delay of RETRY_DELAYS_MS) {
      const before = (await world.webhookStore.getDelivery(id))!;
      expect(before.status).toBe('PENDING');
      const lastAt = Date.parse(before.attempts[before.attempts.length - 1]!.at);
      expect(Date.parse(before.nextAttemptAt!) - lastAt).toBe(delay);
      world.clock.advance(delay - 1);
      expect((await world.webhooks.deliverDue()).attempted).toBe(0);
      world.clock.advance(1);
      expect((await world.webhooks.deliverDue()).attempted).toBe(1);
    }
    const dead = (await world.webhookStore.getDelivery(id))!;
    expect(dead).toMatchObject({ status: 'FAILED', nextAttemptAt: null });
    expect(dead.attempts).toHaveLength(8);
    expect(dead.attempts.every((a) => a.statusCode === null && a.error)).toBe(true);
    expect((await world.webhooks.get(webhook.id))?.consecutiveFailures).toBe(1);
    world.clock.advance(48 * 3600 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(0);

    await world.webhooks.update(webhook.id, { url: receiver.url });
    const redelivered = await world.webhooks.redeliver(id);
    expect(redelivered.status).toBe('DELIVERED');
    expect(redelivered.attempts).toHaveLength(9);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([event!.id]);
    expect((await world.webhooks.get(webhook.id))?.consecutiveFailures).toBe(0);
  });

  it('stops a deleted webhook’s pending deliveries', async () => {
    receiver.status = () => 500;
    const { webhook } = await subscribe();
    await world.edit([putCategory, putConcept('attention')]);
    await world.webhooks.delete(webhook.id);
    world.clock.advance(10 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('pausing', () => {
  it('holds a paused webhook’s deliveries and sends them when it is resumed', async () => {
    const { webhook } = await subscribe();
    const paused = await world.webhooks.update(webhook.id, { active: false });
    expect(paused).toMatchObject({ active: false, pausedReason: 'Paused by an admin.' });
    const [, event] = await world.edit([putCategory, putConcept('attention')]);
    world.clock.advance(3600 * SECOND);
    expect((await world.webhooks.deliverDue()).attempted).toBe(0);
    expect(receiver.received).toHaveLength(0);
    const held = (await world.webhooks.deliveries(webhook.id, 10, null)).deliveries;
    expect(held).toEqual([expect.objectContaining({ status: 'PENDING', nextAttemptAt: null })]);

    const resumed = await world.webhooks.update(webhook.id, { active: true });
    expect(resumed).toMatchObject({ active: true, pausedReason: null, consecutiveFailures: 0 });
    expect((await world.webhooks.deliverDue()).attempted).toBe(1);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([event!.id]);
  });

  it('pauses itself after consecutive dead letters, with the reason in words', async () => {
    world = webhookWorld({ autoPauseAfter: 2 });
    receiver.status = () => 500;
    const { webhook } = await subscribe();
    await world.edit([putCategory, putConcept('a'), putConcept('b')]);
    for (let i = 0; i < RETRY_DELAYS_MS.length; i++) {
      world.clock.advance(11 * 3600 * SECOND);
      await world.webhooks.deliverDue();
    }
    expect(receiver.received).toHaveLength(16);
    const paused = await world.webhooks.get(webhook.id);
    expect(paused).toMatchObject({ active: false, consecutiveFailures: 2 });
    expect(paused?.pausedReason).toMatch(/Paused automatically: 2 deliveries in a row failed.*500/);
    await world.edit([putConcept('a', { version: 1, definition: 'new' })]);
    world.clock.advance(3600 * SECOND);
    await world.webhooks.deliverDue();
    expect(receiver.received).toHaveLength(16); // held while paused
  });
});

describe('redeliver and replay', () => {
  it('redelivers a delivered event with the same webhook-id', async () => {
    const { webhook } = await subscribe();
    const [, event] = await world.edit([putCategory, putConcept('attention')]);
    const again = await world.webhooks.redeliver(`${webhook.id}.${event!.id}`);
    expect(again.status).toBe('DELIVERED');
    expect(again.attempts).toHaveLength(2);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([event!.id, event!.id]);
  });

  it('replays the outbox from a revision, each event under its own webhook-id', async () => {
    await world.commit([putCategory, putConcept('a')]); // rev 1
    const rev2 = await world.commit([putConcept('a', { version: 1, definition: 'two' })]);
    const rev3 = await world.commit([
      putConcept('b'),
      putConcept('a', { version: 2, definition: 'three' }),
    ]);
    const { webhook } = await subscribe(); // after the edits: nothing was dispatched to it
    expect(await world.webhooks.replay(webhook.id, 2)).toEqual({ queued: 3 });
    expect(receiver.received).toHaveLength(0); // queued, sent by the next tick
    expect((await world.webhooks.deliverDue()).attempted).toBe(3);
    expect(receiver.received.map((r) => r.headers['webhook-id']).sort()).toEqual(
      [...rev2, ...rev3].map((e) => e.id).sort(),
    );
    // Replaying again re-queues the delivered ones (the concept of rev 1 is new to it).
    expect(await world.webhooks.replay(webhook.id, 1)).toEqual({ queued: 4 });
    expect((await world.webhooks.deliverDue()).attempted).toBe(4);
    const versionsOfA = receiver.received
      .slice(3)
      .filter((r) => r.payload.data.documentId === 'a')
      .map((r) => r.payload.data.version);
    expect(versionsOfA).toEqual([1, 2, 3]);
  });
});
