// The loss-free path through the API itself, on the Firestore and Pub/Sub emulators: an instance
// commits an edit but cannot publish it (its topic is not there yet) and goes away; the edit's
// event waits in the outbox, and the next instance to start publishes it, once, with the event's
// attributes. Also: an edit through an instance that can publish reaches the topic at once.
import { PubSub, type Message } from '@google-cloud/pubsub';
import { changeEventSchema } from '../../src/domain/changeEvent.js';
import { clientOptions } from '../../src/events/pubsubPublisher.js';
import { as } from '../helpers/editing.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { serveApi } from '../helpers/httpServer.js';
import {
  describeWithPubSubEmulator,
  startPubSubEmulator,
  type RunningPubSubEmulator,
} from '../helpers/pubsubEmulator.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

const PUBSUB_PROJECT = 'events-across-instances';
const CREATE_CATEGORY =
  'mutation($s: ID!) { createCategory(input: { slug: $s, name: { ko: "평가", en: "Evaluation" }, order: 6 }) { slug } }';

async function received(admin: PubSub, subscription: string, count: number): Promise<Message[]> {
  const messages: Message[] = [];
  const sub = admin.subscription(subscription);
  sub.on('message', (message: Message) => {
    messages.push(message);
    message.ack();
  });
  const deadline = Date.now() + 20_000;
  while (messages.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A quiet moment more, so a duplicate would show.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await sub.close();
  return messages;
}

describeWithEmulator('change events across API instances (Firestore emulator)', () => {
  describeWithPubSubEmulator('change events across API instances (Pub/Sub emulator)', () => {
    let firestore: RunningEmulator;
    let pubsub: RunningPubSubEmulator;
    let admin: PubSub;
    beforeAll(async () => {
      [firestore, pubsub] = await Promise.all([startEmulator(), startPubSubEmulator()]);
      admin = new PubSub(clientOptions({ projectId: PUBSUB_PROJECT, emulatorHost: pubsub.host }));
    }, 90_000);
    afterAll(async () => {
      await admin?.close();
      await Promise.all([firestore?.stop(), pubsub?.stop()]);
    });

    const environment = (projectId: string, topic: string) => ({
      API_TOKENS: TEST_API_TOKENS,
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: firestore.host,
      PUBSUB_TOPIC: topic,
      PUBSUB_PROJECT_ID: PUBSUB_PROJECT,
      PUBSUB_EMULATOR_HOST: pubsub.host,
      LOG_LEVEL: 'silent',
    });

    it('publishes an edit at once through an instance that can', async () => {
      const projectId = uniqueProjectId();
      const [topic] = await admin.createTopic('at-once');
      await topic.createSubscription('at-once-pull', { enableMessageOrdering: true });
      const served = await serveApi(environment(projectId, 'at-once'));
      try {
        const created = await as('admin', served.url, CREATE_CATEGORY, { s: 'evaluation' });
        expect(created.errors).toBeUndefined();
        const messages = await received(admin, 'at-once-pull', 1);
        expect(messages.map((m) => m.attributes.event)).toEqual(['category.created']);
        expect(messages[0]!.orderingKey).toBe('category/evaluation');
      } finally {
        await served.close();
      }
    }, 60_000);

    it('loses nothing when the instance that committed could not publish and went away', async () => {
      const projectId = uniqueProjectId();
      const first = await serveApi(environment(projectId, 'late'));
      const created = await as('admin', first.url, CREATE_CATEGORY, { s: 'evaluation' });
      expect(created.errors).toBeUndefined(); // the edit stands, whatever happens to its event
      await first.close();

      const [topic] = await admin.createTopic('late');
      await topic.createSubscription('late-pull', { enableMessageOrdering: true });
      // A new instance: its start-up relay run publishes what the first one left.
      const next = await serveApi(environment(projectId, 'late'));
      try {
        const messages = await received(admin, 'late-pull', 1);
        expect(messages).toHaveLength(1);
        const event = changeEventSchema.parse(JSON.parse(messages[0]!.data.toString('utf8')));
        expect(event).toMatchObject({
          type: 'category',
          documentId: 'evaluation',
          action: 'created',
          version: 1,
        });
        expect(messages[0]!.attributes).toMatchObject({
          event: 'category.created',
          eventId: event.id,
        });
      } finally {
        await next.close();
      }
    }, 60_000);
  });
});
