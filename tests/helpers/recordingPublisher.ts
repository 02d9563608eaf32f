import type { ChangeEvent } from '../../src/domain/changeEvent.js';
import type { EventPublisher } from '../../src/events/eventPublisher.js';

/**
 * An in-memory EventPublisher that keeps what it accepted, in order. `failAfter(n)` makes it
 * accept n more events (across calls) and then reject, having taken the events before the
 * failing one (as Pub/Sub may accept part of a batch before an error).
 */
export class RecordingPublisher implements EventPublisher {
  readonly accepted: ChangeEvent[] = [];
  /** Calls of publish (each with the page it was given). */
  readonly calls: (readonly ChangeEvent[])[] = [];
  closed = false;
  private remaining = Infinity;
  /** Called at the start of each publish (to hold a run open in tests). */
  gate: () => Promise<void> = () => Promise.resolve();

  /** From now on, accept `count` more events, then fail until `heal()`. */
  failAfter(count: number): void {
    this.remaining = count;
  }

  /** Accept everything again. */
  heal(): void {
    this.remaining = Infinity;
  }

  async publish(events: readonly ChangeEvent[]): Promise<void> {
    this.calls.push(events);
    await this.gate();
    for (const event of events) {
      if (this.remaining <= 0) throw new Error('the topic is unavailable');
      this.remaining -= 1;
      this.accepted.push(event);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
