// The delivery function's handler on CloudEvents shaped as Eventarc sends them for a Pub/Sub
// message: a change event is dispatched; a dispatcher failure throws (Pub/Sub retries); a
// malformed message is acknowledged (resolves) and never dispatched.
import type { CloudEvent } from '@google-cloud/functions-framework';
import { deliveryHandler, parseDelivery } from '../../src/events/pubsubDelivery.js';
import { messageAttributes } from '../../src/events/eventMessage.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { category } from '../helpers/contentFixtures.js';
import { RecordingDispatcher } from '../helpers/recordingDispatcher.js';

async function someEvent() {
  const store = new MemoryStore();
  await store.commit([{ op: 'put', collection: 'categories', id: 'k', data: category('k', 1) }]);
  return (await store.readEvents(null, 1)).events[0]!;
}

function cloudEventOf(data: unknown): CloudEvent<unknown> {
  return {
    specversion: '1.0',
    id: '1234567890',
    source: '//pubsub.googleapis.com/projects/p/topics/content-events',
    type: 'google.cloud.pubsub.topic.v1.messagePublished',
    datacontenttype: 'application/json',
    time: new Date().toISOString(),
    data,
  };
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('deliveryHandler', () => {
  it('dispatches the change event a Pub/Sub message carries', async () => {
    const event = await someEvent();
    const dispatcher = new RecordingDispatcher();
    await deliveryHandler(dispatcher)(
      cloudEventOf({
        message: {
          data: base64(JSON.stringify(event)),
          attributes: messageAttributes(event),
          messageId: '42',
        },
        subscription: 'projects/p/subscriptions/deliver',
      }),
    );
    expect(dispatcher.dispatched).toEqual([event]);
  });

  it('throws when the dispatcher fails, so Pub/Sub redelivers', async () => {
    const event = await someEvent();
    const dispatcher = new RecordingDispatcher();
    dispatcher.failing = true;
    await expect(
      deliveryHandler(dispatcher)(
        cloudEventOf({ message: { data: base64(JSON.stringify(event)), messageId: '42' } }),
      ),
    ).rejects.toThrow('unavailable');
  });

  it.each([
    ['no body', undefined],
    ['no message', { subscription: 's' }],
    ['data that is not JSON', { message: { data: base64('{not json'), messageId: '1' } }],
    ['JSON that is not an event', { message: { data: base64('{"id":"evt_x"}'), messageId: '1' } }],
  ])('acknowledges a malformed message (%s) without dispatching', async (_name, data) => {
    const dispatcher = new RecordingDispatcher();
    // Even with a failing dispatcher: a malformed message never reaches it, so never retries.
    dispatcher.failing = true;
    await expect(deliveryHandler(dispatcher)(cloudEventOf(data))).resolves.toBeUndefined();
    expect(dispatcher.dispatched).toEqual([]);
  });

  it('says what is wrong with a malformed message', async () => {
    const event = await someEvent();
    const wrong = { ...event, action: 'exploded' };
    expect(
      parseDelivery(
        cloudEventOf({ message: { data: base64(JSON.stringify(wrong)), messageId: '7' } }),
      ),
    ).toEqual({ problem: expect.stringMatching(/^not a change event: action: /), messageId: '7' });
  });
});
