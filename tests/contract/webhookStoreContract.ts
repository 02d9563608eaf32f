// The webhook store contract: what both adapters (memory, Firestore) must do alike.
import type { WebhookStore } from '../../src/webhooks/webhookStore.js';
import { sampleDelivery, sampleEvent, sampleWebhook } from '../helpers/webhookFixtures.js';

const A = 'wh_aaaaaaaaaaaa';
const B = 'wh_bbbbbbbbbbbb';

/** Defines the contract for the store `create()` makes (fresh and empty per test). */
export function defineWebhookStoreContract(create: () => Promise<WebhookStore>): void {
  let store: WebhookStore;
  beforeEach(async () => {
    store = await create();
  });

  describe('webhooks', () => {
    it('creates once, reads back, lists oldest first', async () => {
      expect(
        await store.createWebhook(sampleWebhook(B, { createdAt: '2026-01-02T00:00:00.000Z' })),
      ).toBe(true);
      expect(await store.createWebhook(sampleWebhook(A))).toBe(true);
      expect(await store.createWebhook(sampleWebhook(A, { description: 'again' }))).toBe(false);
      expect(await store.getWebhook(A)).toEqual(sampleWebhook(A));
      expect(await store.getWebhook('wh_nonexistent00')).toBeNull();
      expect((await store.listWebhooks()).map((w) => w.id)).toEqual([A, B]);
    });

    it('updates atomically: concurrent increments all count; null writes nothing', async () => {
      await store.createWebhook(sampleWebhook(A));
      await Promise.all(
        Array.from({ length: 5 }, () =>
          store.updateWebhook(A, (w) => ({ ...w, consecutiveFailures: w.consecutiveFailures + 1 })),
        ),
      );
      expect((await store.getWebhook(A))?.consecutiveFailures).toBe(5);
      expect((await store.updateWebhook(A, () => null))?.consecutiveFailures).toBe(5);
      expect(await store.updateWebhook('wh_nonexistent00', (w) => w)).toBeNull();
    });

    it('refuses to store what the schema refuses', async () => {
      await store.createWebhook(sampleWebhook(A));
      expect(
        await rejection(store.updateWebhook(A, (w) => ({ ...w, consecutiveFailures: -1 }))),
      ).toBeDefined();
      expect((await store.getWebhook(A))?.consecutiveFailures).toBe(0);
    });

    it('deletes a webhook with its deliveries', async () => {
      await store.createWebhook(sampleWebhook(A));
      await store.createWebhook(sampleWebhook(B));
      await store.createDelivery(sampleDelivery(A, sampleEvent(1)));
      await store.createDelivery(sampleDelivery(B, sampleEvent(1)));
      expect(await store.deleteWebhook(A)).toBe(true);
      expect(await store.deleteWebhook(A)).toBe(false);
      expect(await store.getWebhook(A)).toBeNull();
      expect(await store.getDelivery(`${A}.${sampleEvent(1).id}`)).toBeNull();
      expect(await store.getDelivery(`${B}.${sampleEvent(1).id}`)).not.toBeNull();
    });
  });

  describe('deliveries', () => {
    it('creates a delivery only if absent and updates it atomically', async () => {
      const delivery = sampleDelivery(A, sampleEvent(1));
      expect(await store.createDelivery(delivery)).toBe(true);
      expect(await store.createDelivery({ ...delivery, status: 'FAILED' })).toBe(false);
      expect(await store.getDelivery(delivery.id)).toEqual(delivery);
      const attempt = {
        at: '2026-01-01T00:00:01.000Z',
        statusCode: 500,
        error: 'boom',
        latencyMs: 3,
      };
      const updated = await store.updateDelivery(delivery.id, (d) => ({
        ...d,
        attempts: [...d.attempts, attempt],
      }));
      expect(updated?.attempts).toEqual([attempt]);
      expect(await store.getDelivery(delivery.id)).toEqual(updated);
      expect(await store.updateDelivery('nope', (d) => d)).toBeNull();
    });

    it('lists a webhook’s deliveries newest first, in pages, with a cursor', async () => {
      for (let rev = 1; rev <= 5; rev++)
        await store.createDelivery(
          sampleDelivery(A, sampleEvent(rev), { createdAt: `2026-01-01T00:00:0${rev % 3}.000Z` }),
        );
      await store.createDelivery(sampleDelivery(B, sampleEvent(9)));
      const first = await store.listDeliveries(A, 2, null);
      // createdAt seconds: rev1→1, rev2→2, rev3→0, rev4→1, rev5→2; ties by position, newest first.
      expect(first.deliveries.map((d) => d.event.rev)).toEqual([5, 2]);
      const second = await store.listDeliveries(A, 2, first.endCursor);
      expect(second.deliveries.map((d) => d.event.rev)).toEqual([4, 1]);
      const third = await store.listDeliveries(A, 2, second.endCursor);
      expect(third.deliveries.map((d) => d.event.rev)).toEqual([3]);
      expect(third.endCursor).toBeNull();
      expect((await rejection(store.listDeliveries(A, 2, 'garbage')))?.message).toMatch(/cursor/);
    });

    it('lists due PENDING deliveries, earliest first, bounded, never held or finished ones', async () => {
      const at = (s: number) => `2026-01-01T00:00:0${s}.000Z`;
      await store.createDelivery(sampleDelivery(A, sampleEvent(1), { nextAttemptAt: at(3) }));
      await store.createDelivery(sampleDelivery(A, sampleEvent(2), { nextAttemptAt: at(1) }));
      await store.createDelivery(sampleDelivery(B, sampleEvent(3), { nextAttemptAt: at(1) }));
      await store.createDelivery(sampleDelivery(A, sampleEvent(4), { nextAttemptAt: null }));
      await store.createDelivery(sampleDelivery(A, sampleEvent(5), { nextAttemptAt: at(6) }));
      await store.createDelivery(
        sampleDelivery(A, sampleEvent(6), { status: 'DELIVERED', nextAttemptAt: at(0) }),
      );
      const due = await store.listDue(new Date(at(3)), 10);
      expect(due.map((d) => d.event.rev)).toEqual([2, 3, 1]);
      expect((await store.listDue(new Date(at(3)), 2)).map((d) => d.event.rev)).toEqual([2, 3]);
      expect((await store.listHeld(A, 10)).map((d) => d.event.rev)).toEqual([4]);
      expect(await store.listHeld(B, 10)).toEqual([]);
    });

    it('finds the earliest PENDING delivery of a webhook for one document', async () => {
      const doc = (rev: number, documentId: string) => sampleEvent(rev, { documentId });
      await store.createDelivery(sampleDelivery(A, doc(1, 'x'), { status: 'DELIVERED' }));
      await store.createDelivery(sampleDelivery(A, doc(3, 'x'), { nextAttemptAt: null }));
      await store.createDelivery(sampleDelivery(A, doc(2, 'x')));
      await store.createDelivery(sampleDelivery(A, doc(4, 'y')));
      await store.createDelivery(sampleDelivery(B, doc(1, 'x')));
      expect((await store.earliestPending(A, 'concept', 'x'))?.event.rev).toBe(2);
      expect((await store.earliestPending(A, 'concept', 'y'))?.event.rev).toBe(4);
      expect(await store.earliestPending(A, 'lesson', 'x')).toBeNull();
    });
  });
}

/** What `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}
