// The delivery function (Pub/Sub) makes the schedule's first retry, 5 s after a failed first
// attempt, itself before it returns: the scheduler's deliverDue ticks only every minute. Real
// time and a real receiver on 127.0.0.1 that fails once.
import { MemoryStore } from '../../src/store/memoryStore.js';
import { MemoryWebhookStore } from '../../src/webhooks/memoryWebhookStore.js';
import { Webhooks } from '../../src/webhooks/webhooks.js';
import { failing, startReceiver, type WebhookReceiver } from '../helpers/webhookReceiver.js';
import { putCategory, putConcept } from '../helpers/webhookSetup.js';

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

async function dispatchOneEdit(shortRetryWaitMs: number) {
  const content = new MemoryStore();
  const webhooks = new Webhooks({
    webhookStore: new MemoryWebhookStore(),
    contentStore: content,
    sendPolicy: { timeoutMs: 5000, maxResponseBytes: 64 * 1024, allowPrivateNetwork: true },
    random: () => 0,
    shortRetryWaitMs,
  });
  const { webhook } = await webhooks.create({ url: receiver.url, events: ['concept.*'] }, null);
  await content.commit([putCategory, putConcept('encoder')]);
  const { events } = await content.readEvents(null, 10);
  const started = Date.now();
  await webhooks.dispatch(events);
  const page = await webhooks.deliveries(webhook.id, 10, null);
  return { took: Date.now() - started, deliveries: page.deliveries };
}

describe('the short retry of the delivery function', () => {
  it('retries a failed first attempt 5 s later before dispatch returns, with the same id', async () => {
    receiver.status = failing(1);
    const { took, deliveries } = await dispatchOneEdit(10_000);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(
      receiver.received[0]!.headers['webhook-id'],
    );
    expect(deliveries.map((d) => [d.status, d.attempts.map((a) => a.statusCode)])).toEqual([
      ['DELIVERED', [500, 200]],
    ]);
    expect(took).toBeGreaterThanOrEqual(4_900);
  }, 20_000);

  it('leaves it to deliverDue without the option, and does not wait when the first attempt succeeds', async () => {
    receiver.status = failing(1);
    const off = await dispatchOneEdit(0);
    expect(off.deliveries[0]!.status).toBe('PENDING');
    expect(receiver.received).toHaveLength(1);

    receiver.status = () => 200;
    const ok = await dispatchOneEdit(10_000);
    expect(ok.deliveries[0]!.status).toBe('DELIVERED');
    expect(ok.took).toBeLessThan(2_000);
  }, 20_000);
});
