import type { ChangeEvent } from '../../src/domain/changeEvent.js';
import type { EventDispatcher } from '../../src/webhooks/webhookService.js';

/**
 * An in-memory EventDispatcher that keeps the events it was given, in order; `failing` makes
 * every call reject (a webhook store that cannot be reached).
 */
export class RecordingDispatcher implements EventDispatcher {
  readonly dispatched: ChangeEvent[] = [];
  readonly ticks: Date[] = [];
  failing = false;

  dispatch(events: readonly ChangeEvent[]): Promise<void> {
    if (this.failing) return Promise.reject(new Error('the webhook store is unavailable'));
    this.dispatched.push(...events);
    return Promise.resolve();
  }

  deliverDue(now: Date = new Date()): Promise<{ attempted: number }> {
    if (this.failing) return Promise.reject(new Error('the webhook store is unavailable'));
    this.ticks.push(now);
    return Promise.resolve({ attempted: this.ticks.length });
  }
}
