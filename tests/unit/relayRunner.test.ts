// The in-process relay: runs never overlap; a nudge during a run brings exactly one more run,
// which sees the commit that nudged; a failed run leaves the events for the next.
import { relayOutbox } from '../../src/events/relay.js';
import { RelayRunner } from '../../src/events/relayRunner.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { category } from '../helpers/contentFixtures.js';
import { RecordingPublisher } from '../helpers/recordingPublisher.js';

const put = (slug: string): DocumentWrite => ({
  op: 'put',
  collection: 'categories',
  id: slug,
  data: category(slug, 1),
});

/** A gate the publisher waits on, opened by the test. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function setup() {
  const store = new MemoryStore();
  const publisher = new RecordingPublisher();
  let runs = 0;
  let active = 0;
  let maxActive = 0;
  const runner = new RelayRunner(async () => {
    runs += 1;
    active += 1;
    maxActive = Math.max(maxActive, active);
    try {
      return await relayOutbox(store, publisher, { batchSize: 10 });
    } finally {
      active -= 1;
    }
  });
  return { store, publisher, runner, runs: () => runs, maxActive: () => maxActive };
}

describe('RelayRunner', () => {
  it('runs once and publishes the outbox', async () => {
    const { store, publisher, runner, runs } = setup();
    await store.commit([put('a')]);
    expect(await runner.runNow()).toMatchObject({ published: 1 });
    expect(runs()).toBe(1);
    expect(publisher.accepted.map((e) => e.documentId)).toEqual(['a']);
  });

  it('never overlaps runs; nudges during a run bring exactly one more, which sees their commits', async () => {
    const { store, publisher, runner, runs, maxActive } = setup();
    await store.commit([put('a')]);
    const held = gate();
    const entered = gate();
    publisher.gate = () => {
      entered.open();
      return held.opened;
    };
    runner.nudge();
    await entered.opened;
    // Committed while the first run is publishing: that run read the outbox before it.
    await store.commit([put('b')]);
    runner.nudge();
    await store.commit([put('c')]);
    runner.nudge();
    const queued = runner.runNow();
    held.open();
    const result = await queued;
    await runner.idle();
    expect(runs()).toBe(2);
    expect(maxActive()).toBe(1);
    expect(result.published).toBe(2);
    expect(publisher.accepted.map((e) => e.documentId)).toEqual(['a', 'b', 'c']);
  });

  it('starts afresh once idle', async () => {
    const { store, runner, runs } = setup();
    await runner.runNow();
    await store.commit([put('a')]);
    expect(await runner.runNow()).toMatchObject({ published: 1 });
    expect(runs()).toBe(2);
  });

  it('runs the queued run even when the current one fails; nothing is lost', async () => {
    const { store, publisher, runner, runs } = setup();
    await store.commit([put('a')]);
    publisher.failAfter(0);
    const held = gate();
    // The first publish waits for the test, then fails; the outage is over by the second.
    publisher.gate = () =>
      publisher.calls.length === 1 ? held.opened : (publisher.heal(), held.opened);
    const failing = runner.runNow();
    const queued = runner.runNow();
    held.open();
    await expect(failing).rejects.toThrow('unavailable');
    expect(await queued).toMatchObject({ published: 1 });
    expect(runs()).toBe(2);
    expect(publisher.accepted.map((e) => e.documentId)).toEqual(['a']);
  });

  it('a failed nudge is logged, not thrown; the next run publishes the events', async () => {
    const { store, publisher, runner } = setup();
    await store.commit([put('a')]);
    publisher.failAfter(0);
    runner.nudge();
    await runner.idle();
    expect(publisher.accepted).toEqual([]);
    publisher.heal();
    expect(await runner.runNow()).toMatchObject({ published: 1 });
  });
});
