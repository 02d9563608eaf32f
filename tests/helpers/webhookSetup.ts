import type { ChangeEvent } from '../../src/domain/changeEvent.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { MemoryWebhookStore } from '../../src/webhooks/memoryWebhookStore.js';
import { Webhooks } from '../../src/webhooks/webhooks.js';
import type { WebhookStore } from '../../src/webhooks/webhookStore.js';
import { category, concept } from './contentFixtures.js';

/** A clock tests move by hand; it starts at the real time so signatures verify. */
export class TestClock {
  private at = new Date();
  readonly now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
  set(to: Date | string): void {
    this.at = new Date(to);
  }
}

/** A content store, a webhook store and the webhooks over them, on one test clock. */
export interface WebhookWorld {
  clock: TestClock;
  content: MemoryStore;
  webhooks: Webhooks;
  webhookStore: WebhookStore;
  /** Commits writes and returns the events the commit wrote (what the relay would publish). */
  commit(writes: DocumentWrite[]): Promise<ChangeEvent[]>;
  /** Commits and dispatches, as the relay and the delivery function do. */
  edit(writes: DocumentWrite[]): Promise<ChangeEvent[]>;
}

/** Builds a world; `webhookStore` defaults to a memory one. */
export function webhookWorld(
  options: { autoPauseAfter?: number; webhookStore?: WebhookStore } = {},
): WebhookWorld {
  const clock = new TestClock();
  const content = new MemoryStore(clock.now);
  const webhookStore = options.webhookStore ?? new MemoryWebhookStore();
  const webhooks = new Webhooks({
    webhookStore,
    contentStore: content,
    sendPolicy: { timeoutMs: 5000, maxResponseBytes: 64 * 1024, allowPrivateNetwork: true },
    clock: clock.now,
    random: () => 0,
    ...(options.autoPauseAfter === undefined ? {} : { autoPauseAfter: options.autoPauseAfter }),
  });
  let seen: string | null = null;
  const commit = async (writes: DocumentWrite[]) => {
    await content.commit(writes);
    const { events } = await content.readEvents(seen, 1000);
    seen = events[events.length - 1]?.position ?? seen;
    return events;
  };
  return {
    clock,
    content,
    webhooks,
    webhookStore,
    commit,
    edit: async (writes) => {
      const events = await commit(writes);
      await webhooks.dispatch(events);
      return events;
    },
  };
}

/** Writes: category `k` and concept `slug` (created, or updated when `version` is given). */
export function putConcept(
  slug: string,
  options: { version?: number; status?: 'DRAFT' | 'PUBLISHED'; definition?: string } = {},
): DocumentWrite {
  return {
    op: 'put',
    collection: 'concepts',
    id: slug,
    data: concept(slug, 'k', {
      status: options.status ?? 'DRAFT',
      ...(options.definition
        ? { definition: { ko: options.definition, en: options.definition } }
        : {}),
    }),
    ...(options.version === undefined ? {} : { expectedVersion: options.version }),
  };
}

/** The category every test concept belongs to. */
export const putCategory: DocumentWrite = {
  op: 'put',
  collection: 'categories',
  id: 'k',
  data: category('k', 1),
};
