// The same dispatcher over the Firestore webhook store (emulator): retries, per-document order,
// a paused webhook's held deliveries and replay, through the adapter's real queries.
import { FirestoreWebhookStore } from '../../src/webhooks/firestoreWebhookStore.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { startReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.js';
import {
  putCategory,
  putConcept,
  webhookWorld,
  type WebhookWorld,
} from '../helpers/webhookSetup.js';

describeWithEmulator('webhooks over Firestore', () => {
  let emulator: RunningEmulator;
  let receiver: WebhookReceiver;
  let store: FirestoreWebhookStore;
  let world: WebhookWorld;
  beforeAll(async () => {
    emulator = await startEmulator();
  }, 90_000);
  afterAll(() => emulator?.stop());
  beforeEach(async () => {
    receiver = await startReceiver();
    store = new FirestoreWebhookStore({
      projectId: uniqueProjectId('hooks'),
      emulatorHost: emulator.host,
      timeoutMs: 10_000,
    });
    world = webhookWorld({ webhookStore: store });
  });
  afterEach(async () => {
    await receiver.close();
    await store.close();
  });

  it('retries after an outage and delivers each document’s events in order, once', async () => {
    receiver.status = () => 503;
    const { webhook } = await world.webhooks.create(
      { url: receiver.url, events: ['concept.*'] },
      null,
    );
    const events = await world.edit([putCategory, putConcept('a'), putConcept('b')]);
    await world.edit([putConcept('a', { version: 1, definition: 'two' })]);
    await world.webhooks.dispatch(events); // a duplicate message queues nothing
    expect(receiver.received).toHaveLength(2);
    receiver.status = () => 200;
    world.clock.advance(6_000);
    expect((await world.webhooks.deliverDue()).attempted).toBe(3);
    const seen = receiver.received
      .slice(2)
      .map((r) => `${r.payload.data.documentId}${r.payload.data.version}`);
    expect(seen.filter((s) => s.startsWith('a'))).toEqual(['a1', 'a2']);
    expect(seen).toContain('b1');
    const page = await world.webhooks.deliveries(webhook.id, 2, null);
    expect(page.deliveries.every((d) => d.status === 'DELIVERED')).toBe(true);
    expect(
      (await world.webhooks.deliveries(webhook.id, 2, page.endCursor)).deliveries,
    ).toHaveLength(1);
  });

  it('holds deliveries while paused, sends them on resume, and replays from a revision', async () => {
    const { webhook } = await world.webhooks.create({ url: receiver.url, events: ['*'] }, null);
    await world.webhooks.update(webhook.id, { active: false });
    await world.edit([putCategory, putConcept('a')]);
    world.clock.advance(60_000);
    expect((await world.webhooks.deliverDue()).attempted).toBe(0);
    await world.webhooks.update(webhook.id, { active: true });
    expect((await world.webhooks.deliverDue()).attempted).toBe(2);
    expect(await world.webhooks.replay(webhook.id, 1)).toEqual({ queued: 2 });
    expect((await world.webhooks.deliverDue()).attempted).toBe(2);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    // Two documents go out in parallel: the same webhook-ids again, in either order.
    expect(ids.slice(2).sort()).toEqual(ids.slice(0, 2).sort());
  });
});
