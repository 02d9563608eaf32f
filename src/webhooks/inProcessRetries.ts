import { logger } from '../observability/logger.js';
import type { EventDispatcher } from './webhookService.js';

/**
 * The embedded mode's retry clock: every `everyMs` it delivers what is due, one tick at a time
 * (a slow tick is not overlapped by the next). `stop` ends the clock and waits for a tick in
 * flight, so a shutdown that stops it before closing the webhooks' store never closes that store
 * under a delivery; a clock stopped before it started never starts.
 */
export class InProcessRetries {
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly webhooks: EventDispatcher,
    private readonly everyMs: number,
  ) {}

  /** Starts the clock (once; never after stop). */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => {
      this.tick ??= this.webhooks
        .deliverDue()
        .then(
          () => undefined,
          (error: unknown) => logger().warn({ err: error }, 'retrying webhook deliveries failed'),
        )
        .finally(() => {
          this.tick = undefined;
        });
    }, this.everyMs);
    // Retries never keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  /** Stops the clock and resolves once no tick is running. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.tick;
  }
}
