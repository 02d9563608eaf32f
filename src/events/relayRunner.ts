import { logger } from '../observability/logger.js';
import type { RelayResult } from './relay.js';

/**
 * Serializes relay runs in one process (the in-process path: after each local commit, at
 * start-up, on demand). Two runs never overlap, so no page is published twice by this process
 * and positions are marked in order. A request during a run schedules exactly one more run after
 * it (however many requests came), because the running one may have read the outbox before the
 * commit that asked.
 */
export class RelayRunner {
  private current: Promise<RelayResult> | null = null;
  private next: Promise<RelayResult> | null = null;

  /** `run` is one relay run (usually `() => relayOutbox(store, publisher, options)`). */
  constructor(private readonly run: () => Promise<RelayResult>) {}

  /**
   * A run that starts now or, when one is running, the single run queued after it: either way
   * a run that reads the outbox after this call. Rejects when that run fails.
   */
  runNow(): Promise<RelayResult> {
    if (!this.current) return this.start();
    // The queued run starts whether the current one succeeds or fails.
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.start();
      });
    return this.next;
  }

  /**
   * Asks for a run without waiting for it (after a commit: the writer's answer must not wait
   * for Pub/Sub). A failure is logged; the events stay in the outbox for the next run.
   */
  nudge(): void {
    this.runNow().catch((error: unknown) => {
      logger().warn({ err: error }, 'relaying the outbox failed; the next run retries');
    });
  }

  /** Resolves once no run is running or queued (for shutdown and tests); never rejects. */
  async idle(): Promise<void> {
    while (this.current || this.next) {
      await (this.next ?? this.current)?.catch(() => undefined);
    }
  }

  private start(): Promise<RelayResult> {
    const running: Promise<RelayResult> = this.run().finally(() => {
      if (this.current === running) this.current = null;
    });
    this.current = running;
    return running;
  }
}
