// The relay on real emulators: a FirestoreStore's outbox published to a Pub/Sub topic and pulled
// from an ordered subscription (exactly the events, their attributes, each document's order);
// a writer killed with SIGKILL after its commit loses nothing (the next relay run publishes it);
// a topic that fails a publish takes the same events again on the next run.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PubSub, type Message } from '@google-cloud/pubsub';
import { build } from 'esbuild';
import { changeEventSchema, type ChangeEvent } from '../../src/domain/changeEvent.js';
import { clientOptions, PubSubPublisher } from '../../src/events/pubsubPublisher.js';
import { relayOutbox } from '../../src/events/relay.js';
import { projectRoot } from '../../src/paths.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { category, concept } from '../helpers/contentFixtures.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import {
  describeWithPubSubEmulator,
  startPubSubEmulator,
  type RunningPubSubEmulator,
} from '../helpers/pubsubEmulator.js';

const PROJECT = 'relay-test';

const putCategory = (slug: string): DocumentWrite => ({
  op: 'put',
  collection: 'categories',
  id: slug,
  data: category(slug, 1),
});
const putConcept = (slug: string, aliases: string[] = []): DocumentWrite => ({
  op: 'put',
  collection: 'concepts',
  id: slug,
  data: concept(slug, 'k', { aliases }),
});

/** Messages of a subscription, collected as they arrive (and acknowledged). */
function collect(admin: PubSub, subscription: string) {
  const messages: Message[] = [];
  const sub = admin.subscription(subscription, { flowControl: { maxMessages: 1000 } });
  sub.on('message', (message: Message) => {
    messages.push(message);
    message.ack();
  });
  return {
    messages,
    /** Waits until `count` arrived, then a quiet moment more, so extra messages would show. */
    async waitFor(count: number, timeoutMs = 20_000): Promise<Message[]> {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 750));
      return messages;
    },
    close: () => sub.close(),
  };
}

const eventOf = (message: Message): ChangeEvent =>
  changeEventSchema.parse(JSON.parse(message.data.toString('utf8')));

describeWithEmulator('relay to Pub/Sub (Firestore emulator)', () => {
  describeWithPubSubEmulator('relay to Pub/Sub (Pub/Sub emulator)', () => {
    let firestore: RunningEmulator;
    let pubsub: RunningPubSubEmulator;
    let admin: PubSub;
    let topics = 0;

    beforeAll(async () => {
      [firestore, pubsub] = await Promise.all([startEmulator(), startPubSubEmulator()]);
      admin = new PubSub(clientOptions({ projectId: PROJECT, emulatorHost: pubsub.host }));
    }, 90_000);
    afterAll(async () => {
      await admin?.close();
      await Promise.all([firestore?.stop(), pubsub?.stop()]);
    });

    /** A new topic with an ordered subscription, and a publisher for it. */
    async function freshTopic() {
      const name = `content-events-${++topics}`;
      const [topic] = await admin.createTopic(name);
      await topic.createSubscription(`${name}-pull`, { enableMessageOrdering: true });
      const publisher = new PubSubPublisher({
        projectId: PROJECT,
        topic: name,
        emulatorHost: pubsub.host,
      });
      return { name, publisher, received: collect(admin, `${name}-pull`) };
    }

    const firestoreStore = (projectId: string) =>
      new FirestoreStore({ projectId, emulatorHost: firestore.host, timeoutMs: 10_000 });

    it('publishes exactly the outbox, with attributes, each document in commit order', async () => {
      const store = firestoreStore(uniqueProjectId());
      await store.commit([putCategory('k')]);
      await store.commit([putConcept('a'), putConcept('b')]);
      for (let i = 1; i <= 4; i++) await store.commit([putConcept('a', [`A${i}`])]);
      await store.commit([{ op: 'delete', collection: 'concepts', id: 'b' }]);
      const outbox = (await store.readEvents(null, 100)).events;
      expect(outbox).toHaveLength(8);

      const { publisher, received } = await freshTopic();
      const result = await relayOutbox(store, publisher, { batchSize: 3 });
      expect(result).toEqual({ published: 8, position: outbox.at(-1)!.position });
      expect(await store.readRelayPosition()).toBe(outbox.at(-1)!.position);

      const messages = await received.waitFor(8);
      expect(messages.map((m) => eventOf(m).id).sort()).toEqual(outbox.map((e) => e.id).sort());
      for (const message of messages) {
        const event = eventOf(message);
        expect(message.attributes).toEqual({
          type: event.type,
          action: event.action,
          event: `${event.type}.${event.action}`,
          locales: event.locales.join(','),
          rev: String(event.rev),
          eventId: event.id,
        });
        expect(message.orderingKey).toBe(`${event.type}/${event.documentId}`);
      }
      const positionsOf = (documentId: string) =>
        messages.map(eventOf).filter((e) => e.documentId === documentId);
      const a = positionsOf('a');
      expect(a.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(a.map((e) => e.action)).toEqual([
        'created',
        'updated',
        'updated',
        'updated',
        'updated',
      ]);
      expect(positionsOf('b').map((e) => e.action)).toEqual(['created', 'deleted']);

      // A second run finds nothing new and publishes nothing.
      expect(await relayOutbox(store, publisher, { batchSize: 3 })).toMatchObject({ published: 0 });
      expect(await received.waitFor(9, 500)).toHaveLength(8);
      await received.close();
      await publisher.close();
      await store.close();
    }, 60_000);

    it('a failed publish (no topic yet) is retried by the next run with the same publisher, its ordering keys open again', async () => {
      const store = firestoreStore(uniqueProjectId());
      await store.commit([putCategory('k'), putConcept('a')]);
      const name = `late-topic-${++topics}`;
      const publisher = new PubSubPublisher({
        projectId: PROJECT,
        topic: name,
        emulatorHost: pubsub.host,
      });
      await expect(relayOutbox(store, publisher, { batchSize: 10 })).rejects.toThrow(
        /Pub\/Sub did not accept 2 of 2 events/,
      );
      expect(await store.readRelayPosition()).toBeNull();

      const [topic] = await admin.createTopic(name);
      await topic.createSubscription(`${name}-pull`, { enableMessageOrdering: true });
      const received = collect(admin, `${name}-pull`);
      expect(await relayOutbox(store, publisher, { batchSize: 10 })).toMatchObject({
        published: 2,
      });
      expect((await received.waitFor(2)).map((m) => eventOf(m).documentId).sort()).toEqual([
        'a',
        'k',
      ]);
      await received.close();
      await publisher.close();
      await store.close();
    }, 60_000);

    describe('a writer killed after its commit', () => {
      let compiled: string;
      beforeAll(async () => {
        compiled = await compileSources();
      }, 60_000);
      afterAll(() => (compiled ? rm(compiled, { recursive: true, force: true }) : undefined));

      it('loses no event: the next relay run (the scheduler’s) publishes it', async () => {
        const projectId = uniqueProjectId();
        const { publisher, received } = await freshTopic();
        const writer = spawn(process.execPath, [join(compiled, 'commitAndHang.mjs')], {
          env: { PATH: process.env.PATH ?? '', PROJECT_ID: projectId, EMULATOR: firestore.host },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        writer.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          writer.on('exit', (_code, signal) => resolve(signal)),
        );
        await new Promise<void>((resolve, reject) => {
          writer.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes('committed')) resolve();
          });
          void exited.then(() => reject(new Error(`the writer exited early:\n${output}`)));
        });
        writer.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');

        // Nothing was relayed by the writer; its event waits in the outbox.
        const store = firestoreStore(projectId);
        expect(await store.readRelayPosition()).toBeNull();
        const result = await relayOutbox(store, publisher, { batchSize: 10 });
        expect(result.published).toBe(1);
        const messages = await received.waitFor(1);
        expect(messages.map((m) => [eventOf(m).documentId, m.attributes.event])).toEqual([
          ['killed', 'category.created'],
        ]);
        await received.close();
        await publisher.close();
        await store.close();
      }, 60_000);
    });
  });
});

// The sources as plain ES modules (esbuild, one file per file) in a temporary directory that
// sees the project's node_modules, with the writer script: it commits one category, says so,
// and then waits without ever relaying, until it is killed.
async function compileSources(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'relay-kill-'));
  await symlink(join(projectRoot(), 'node_modules'), join(out, 'node_modules'), 'dir');
  await writeFile(join(out, 'package.json'), '{"type":"module"}');
  await build({
    entryPoints: [join(projectRoot(), 'src', '**', '*.ts')],
    outdir: join(out, 'src'),
    outbase: join(projectRoot(), 'src'),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  await writeFile(
    join(out, 'commitAndHang.mjs'),
    `import { FirestoreStore } from './src/store/firestore/firestoreStore.js';
const store = new FirestoreStore({
  projectId: process.env.PROJECT_ID,
  emulatorHost: process.env.EMULATOR,
  timeoutMs: 10000,
});
await store.commit([{ op: 'put', collection: 'categories', id: 'killed',
  data: { slug: 'killed', order: 1, name: { ko: '죽은 분류', en: 'killed category' } } }]);
console.log('committed');
setInterval(() => {}, 60000);
`,
  );
  return out;
}
