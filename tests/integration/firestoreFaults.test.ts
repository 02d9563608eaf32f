// Faults on Firestore: the emulator stops answering while the API runs. Reads keep answering
// from the last snapshot, /healthz says stale and unreachable, writes fail with UNAVAILABLE,
// an interrupted write lands whole or not at all, and the instance catches up by itself.
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import { concept } from '../helpers/contentFixtures.js';
import {
  describeWithEmulator,
  startEmulator,
  seededProject,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TTL_MS = 200;
// A first load is two round trips (the snapshot pointer, then the snapshot or the documents) on
// an emulator that shares the machine with the rest of the suite: 1 s proved too tight.
const TIMEOUT_MS = 2000;

describeWithEmulator('Firestore outage', () => {
  let emulator: RunningEmulator;
  let projectId: string;
  let served: Awaited<ReturnType<typeof serveApi>>;
  let writer: FirestoreStore;

  beforeAll(async () => {
    emulator = await startEmulator();
    projectId = await seededProject(emulator);
    served = await serveApi({
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      CONTENT_TTL_MS: String(TTL_MS),
      STORE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    writer = new FirestoreStore({ projectId, emulatorHost: emulator.host, timeoutMs: TIMEOUT_MS });
  }, 90_000);

  afterAll(async () => {
    emulator?.resume();
    await served?.close();
    await writer?.close();
    await emulator?.stop();
  });

  it('keeps serving, reports stale, refuses writes, keeps writes whole, and catches up', async () => {
    expect((await request(`${served.url}/healthz`)).json).toMatchObject({ status: 'ok' });
    const before = await graphql<any>(
      served.url,
      '{ concept(slug: "gemini", locale: EN) { term } }',
    );
    expect(before.data.concept.term).toBe('Gemini');

    // A write of many documents is in flight when the store stops answering.
    // Read with a deadline of its own: the writer's short one is for the outage below, and a
    // first full read on a loaded machine can outlast it.
    const reader = new FirestoreStore({
      projectId,
      emulatorHost: emulator.host,
      timeoutMs: 30_000,
    });
    const { documents } = await reader.readChanges(0).finally(() => reader.close());
    const concepts = documents.filter((d) => d.collection === 'concepts').slice(0, 20);
    const interrupted: DocumentWrite[] = concepts.map((d) => ({
      op: 'put',
      collection: 'concepts',
      id: d.id,
      data: {
        ...concept(d.id, (d.data as { category: string }).category),
        aliases: ['interrupted'],
      },
    }));
    const inFlight = writer.commit(interrupted);
    emulator.pause();
    await expect(inFlight).rejects.toMatchObject({ code: 'UNAVAILABLE' });

    // Reads keep answering from the last snapshot.
    const during = await graphql<any>(
      served.url,
      '{ concept(slug: "gemini", locale: EN) { term } }',
    );
    expect(during.data.concept.term).toBe('Gemini');

    // Health: after a failed check and more than twice the TTL, stale and unreachable.
    await request(`${served.url}/healthz`);
    await sleep(TIMEOUT_MS + 2 * TTL_MS + 1200);
    const health = await request(`${served.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({
      status: 'stale',
      store: { reachable: false },
      content: { stale: true },
    });

    // Writes fail with UNAVAILABLE within the deadline, not after the client's minutes of retries.
    const started = Date.now();
    await expect(
      writer.commit([
        {
          op: 'put',
          collection: 'concepts',
          id: 'new-one',
          data: concept('new-one', 'fundamentals'),
        },
      ]),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);

    // The store comes back: nothing half-written, and the instance catches up by itself.
    emulator.resume();
    await sleep(1500);
    const after = (await writer.readChanges(0)).documents.filter((d) =>
      interrupted.some((w) => w.id === d.id),
    );
    const landed = after.filter((d) =>
      (d.data as { aliases: string[] }).aliases.includes('interrupted'),
    );
    expect([0, interrupted.length]).toContain(landed.length);
    expect(new Set(landed.map((d) => d.rev)).size).toBeLessThanOrEqual(1);

    // A write after the outage, made elsewhere: the instance picks it up on its own.
    const gemini = (await writer.readChanges(0)).documents.find((d) => d.id === 'gemini')!;
    await writer.commit([
      {
        op: 'put',
        collection: 'concepts',
        id: 'gemini',
        data: {
          ...concept('gemini', 'google-cloud-tools'),
          ...(gemini.data as object),
          aliases: ['back'],
        },
        expectedVersion: gemini.version,
      },
    ]);
    let recovered: any;
    for (let i = 0; i < 30; i++) {
      await sleep(TTL_MS);
      recovered = await graphql<any>(
        served.url,
        '{ concept(slug: "gemini", locale: EN) { aliases } }',
      );
      if (recovered.data.concept.aliases.includes('back')) break;
    }
    expect(recovered.data.concept.aliases).toEqual(['back']);
    const healthy = await request(`${served.url}/healthz`);
    expect(healthy.json).toMatchObject({
      status: 'ok',
      store: { reachable: true },
      content: { stale: false },
    });
  }, 60_000);
});
