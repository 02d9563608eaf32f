import { InProcessRetries } from '../../src/webhooks/inProcessRetries.js';
import type { EventDispatcher } from '../../src/webhooks/webhookService.js';
import { pollUntil } from '../helpers/pollUntil.js';

// A dispatcher whose deliveries finish when the test says so, counting the ticks it was asked for.
function slowDispatcher() {
  const finish: (() => void)[] = [];
  const dispatcher: EventDispatcher & { ticks: number; running: number } = {
    ticks: 0,
    running: 0,
    dispatch: () => Promise.resolve(),
    deliverDue() {
      dispatcher.ticks++;
      dispatcher.running++;
      return new Promise((resolve) =>
        finish.push(() => {
          dispatcher.running--;
          resolve({ attempted: 1 });
        }),
      );
    },
  };
  return { dispatcher, finishAll: () => finish.splice(0).forEach((done) => done()) };
}

describe('InProcessRetries', () => {
  it('never overlaps ticks, and stop waits for the tick in flight', async () => {
    const { dispatcher, finishAll } = slowDispatcher();
    const retries = new InProcessRetries(dispatcher, 5);
    retries.start();
    await pollUntil(
      () => Promise.resolve(dispatcher.ticks),
      (ticks) => ticks === 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dispatcher.ticks).toBe(1); // ten intervals passed while the first tick ran

    let stopped = false;
    const stopping = retries.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishAll();
    await stopping;
    expect(dispatcher.running).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(dispatcher.ticks).toBe(1);
  });

  it('does not start once stopped (webhooks loaded during a shutdown)', async () => {
    const { dispatcher } = slowDispatcher();
    const retries = new InProcessRetries(dispatcher, 5);
    await retries.stop();
    retries.start();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(dispatcher.ticks).toBe(0);
  });
});
