// The events' variables: embedded without a topic, Pub/Sub with one; bad values name the
// variable and the value.
import { loadEventsConfig } from '../../src/events/eventsConfig.js';

describe('loadEventsConfig', () => {
  it('is embedded with the default batch size when no topic is set', () => {
    expect(loadEventsConfig({})).toEqual({ mode: 'embedded', relayBatchSize: 100 });
    expect(loadEventsConfig({ PUBSUB_TOPIC: '', RELAY_BATCH_SIZE: '' })).toEqual({
      mode: 'embedded',
      relayBatchSize: 100,
    });
  });

  it('publishes to the topic in GOOGLE_CLOUD_PROJECT, or PUBSUB_PROJECT_ID when set', () => {
    expect(
      loadEventsConfig({
        PUBSUB_TOPIC: 'content-events',
        GOOGLE_CLOUD_PROJECT: 'my-project',
        RELAY_BATCH_SIZE: '50',
      }),
    ).toEqual({
      mode: 'pubsub',
      relayBatchSize: 50,
      pubsub: { projectId: 'my-project', topic: 'content-events' },
    });
    expect(
      loadEventsConfig({
        PUBSUB_TOPIC: 'content-events',
        GOOGLE_CLOUD_PROJECT: 'my-project',
        PUBSUB_PROJECT_ID: 'events-project',
        PUBSUB_EMULATOR_HOST: 'localhost:8085',
      }),
    ).toMatchObject({
      pubsub: { projectId: 'events-project', emulatorHost: 'localhost:8085' },
    });
  });

  it.each([
    [{ RELAY_BATCH_SIZE: '0' }, 'RELAY_BATCH_SIZE="0": must be at least 1'],
    [{ RELAY_BATCH_SIZE: '1e3' }, 'RELAY_BATCH_SIZE="1e3": must be a whole number'],
    [{ RELAY_BATCH_SIZE: '5000' }, 'RELAY_BATCH_SIZE="5000": must be at most 1000'],
    [{ PUBSUB_TOPIC: 'projects/p/topics/t' }, 'PUBSUB_TOPIC="projects/p/topics/t"'],
    [{ PUBSUB_EMULATOR_HOST: 'localhost' }, 'PUBSUB_EMULATOR_HOST="localhost": must be host:port'],
    [{ PUBSUB_TOPIC: 'content-events' }, 'PUBSUB_PROJECT_ID=null: must be set'],
    [{ PUBSUB_TOPIC: 'content-events', PUBSUB_PROJECT_ID: 'X' }, 'PUBSUB_PROJECT_ID="X"'],
  ])('rejects %j naming the variable and the value', (env, message) => {
    expect(() => loadEventsConfig(env)).toThrow(message);
  });
});
