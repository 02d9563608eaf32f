// The event functions as functions-framework serves them (its own HTTP server, its Pub/Sub and
// CloudEvent conversions): `relay` and `deliverDue` for the scheduler, `deliverEvent` for
// Pub/Sub (a push body, and a binary CloudEvent as Eventarc sends it). Embedded mode throughout:
// the relay's publisher is the in-process dispatcher, so a relayed event reaches it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as functions from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { ChangeEvent } from '../../src/domain/changeEvent.js';
import { DispatchingPublisher } from '../../src/events/dispatchingPublisher.js';
import { messageAttributes } from '../../src/events/eventMessage.js';
import { registerEventTargets } from '../../src/events/eventTargets.js';
import { relayOutbox } from '../../src/events/relay.js';
import { RelayRunner } from '../../src/events/relayRunner.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { category } from '../helpers/contentFixtures.js';
import { RecordingDispatcher } from '../helpers/recordingDispatcher.js';

const store = new MemoryStore();
const dispatcher = new RecordingDispatcher();
const servers: Server[] = [];

beforeAll(() => {
  const publisher = new DispatchingPublisher(dispatcher);
  registerEventTargets(functions, {
    relay: Promise.resolve(new RelayRunner(() => relayOutbox(store, publisher, { batchSize: 2 }))),
    dispatcher: Promise.resolve(dispatcher),
  });
});
afterAll(() =>
  Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))),
);
beforeEach(() => {
  dispatcher.failing = false;
  dispatcher.dispatched.length = 0;
});

/** The base URL of a registered function served by functions-framework on a free port. */
async function serve(target: string): Promise<string> {
  const server = getTestServer(target);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function commitCategories(...slugs: string[]): Promise<ChangeEvent[]> {
  const batch = await store.commit(
    slugs.map((slug) => ({
      op: 'put',
      collection: 'categories',
      id: slug,
      data: category(slug, 1),
    })),
  );
  return (await store.readEvents(null, 1000)).events.filter((e) => e.rev === batch.rev);
}

describe('relay (HTTP, for Cloud Scheduler)', () => {
  it('relays the outbox once per call and answers {published, position}', async () => {
    const url = await serve('relay');
    const events = await commitCategories('a', 'b', 'c');
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ published: 3, position: events.at(-1)!.position });
    expect(dispatcher.dispatched.map((e) => e.id)).toEqual(events.map((e) => e.id));
    const again = await fetch(url);
    expect(await again.json()).toEqual({ published: 0, position: events.at(-1)!.position });
  });

  it('answers 500 without details when publishing fails, and keeps the events', async () => {
    const url = await serve('relay');
    const events = await commitCategories('d');
    dispatcher.failing = true;
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'relay failed' });
    dispatcher.failing = false;
    expect(await (await fetch(url, { method: 'POST' })).json()).toEqual({
      published: 1,
      position: events[0]!.position,
    });
  });

  it('refuses other methods', async () => {
    const response = await fetch(await serve('relay'), { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });
});

describe('deliverDue (HTTP, for Cloud Scheduler)', () => {
  it('runs the dispatcher’s tick and answers its result', async () => {
    const url = await serve('deliverDue');
    const response = await fetch(url, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ attempted: dispatcher.ticks.length });
    expect(dispatcher.ticks.length).toBeGreaterThan(0);
  });
});

describe('deliverEvent (CloudEvent from Pub/Sub)', () => {
  const messageOf = (event: ChangeEvent) => ({
    data: Buffer.from(JSON.stringify(event)).toString('base64'),
    attributes: messageAttributes(event),
    messageId: '17',
  });

  it('dispatches the event of a Pub/Sub push body (converted by the framework)', async () => {
    const [event] = await commitCategories('push');
    // The push endpoint's path names the topic, as cloudbuild.yaml configures it.
    const url = `${await serve('deliverEvent')}projects/p/topics/content-events`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: messageOf(event!),
        subscription: 'projects/p/subscriptions/deliver',
      }),
    });
    expect(response.status).toBeLessThan(300);
    expect(dispatcher.dispatched).toEqual([event]);
  });

  it('dispatches the event of a binary CloudEvent (Eventarc); a failure answers an error so Pub/Sub retries', async () => {
    const [event] = await commitCategories('eventarc');
    const send = async () =>
      fetch(await serve('deliverEvent'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'ce-specversion': '1.0',
          'ce-id': '17',
          'ce-source': '//pubsub.googleapis.com/projects/p/topics/content-events',
          'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
        },
        body: JSON.stringify({
          message: messageOf(event!),
          subscription: 'projects/p/subscriptions/deliver',
        }),
      });
    dispatcher.failing = true;
    expect((await send()).status).toBeGreaterThanOrEqual(500);
    dispatcher.failing = false;
    expect((await send()).status).toBeLessThan(300);
    expect(dispatcher.dispatched).toEqual([event]);
  });

  it('acknowledges a malformed message (2xx) without dispatching', async () => {
    const url = `${await serve('deliverEvent')}projects/p/topics/content-events`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        message: { data: Buffer.from('{"nope":1}').toString('base64'), messageId: '9' },
        subscription: 'projects/p/subscriptions/deliver',
      }),
    });
    expect(response.status).toBeLessThan(300);
    expect(dispatcher.dispatched).toEqual([]);
  });
});
