import type { ChangeEvent } from '../domain/changeEvent.js';
import type { WebhookInput, WebhookPatch } from '../domain/webhook.js';
import type { EventDispatcher, WebhookService } from './webhookService.js';

/** What the loader gives: the webhooks, and how to release what they hold. */
export interface LoadedWebhooks {
  webhooks: WebhookService & EventDispatcher;
  close(): Promise<void>;
}

/**
 * The webhooks, loaded when first needed (an admin operation, an event to dispatch) rather than
 * at start: a cold start that serves readers never pays for the signing, sending and storage
 * code. Every method waits for the one load; `loaded` tells whether it happened.
 */
export class LazyWebhooks implements WebhookService, EventDispatcher {
  private loading: Promise<LoadedWebhooks> | null = null;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly load: () => Promise<LoadedWebhooks>) {}

  /** True once the webhooks are loaded (or loading). */
  get loaded(): boolean {
    return this.loading !== null;
  }

  /** Calls `listener` once the webhooks are loaded (at once if they are). */
  onLoaded(listener: () => void): void {
    if (this.loading) void this.loading.then(listener, () => undefined);
    else this.listeners.push(listener);
  }

  /** Releases what the loaded webhooks hold (nothing when they never loaded). */
  async close(): Promise<void> {
    if (this.loading) await (await this.loading).close();
  }

  create(input: WebhookInput, actor: string | null) {
    return this.use((w) => w.create(input, actor));
  }
  list() {
    return this.use((w) => w.list());
  }
  get(id: string) {
    return this.use((w) => w.get(id));
  }
  update(id: string, patch: WebhookPatch) {
    return this.use((w) => w.update(id, patch));
  }
  delete(id: string) {
    return this.use((w) => w.delete(id));
  }
  rotateSecret(id: string, overlapSeconds: number) {
    return this.use((w) => w.rotateSecret(id, overlapSeconds));
  }
  deliveries(webhookId: string, first: number, after: string | null) {
    return this.use((w) => w.deliveries(webhookId, first, after));
  }
  redeliver(deliveryId: string) {
    return this.use((w) => w.redeliver(deliveryId));
  }
  replay(webhookId: string, fromRevision: number) {
    return this.use((w) => w.replay(webhookId, fromRevision));
  }
  dispatch(events: readonly ChangeEvent[]) {
    return this.use((w) => w.dispatch(events));
  }
  deliverDue(now?: Date) {
    return this.use((w) => w.deliverDue(now));
  }

  private async use<T>(
    call: (webhooks: WebhookService & EventDispatcher) => Promise<T>,
  ): Promise<T> {
    if (!this.loading) {
      this.loading = this.load();
      // A failed load is tried again by the next call rather than failing every later one.
      this.loading.catch(() => {
        this.loading = null;
      });
      for (const listener of this.listeners.splice(0)) {
        void this.loading.then(listener, () => undefined);
      }
    }
    return call((await this.loading).webhooks);
  }
}
