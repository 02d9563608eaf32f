// `npm run seed` of big lessons into Firestore (the official emulator, whose gRPC server takes at
// most 4 MiB a request): the course with 60 more copies of its lesson. Batched by the JSON size
// of the documents alone, the import sent them in one 9 MB commit and failed after its deadline
// as UNAVAILABLE (the client retries RESOURCE_EXHAUSTED for a minute); batched by what a commit
// really sends it succeeds, and everything arrives consistent. A commit over Firestore's limits
// is refused by the store before it is sent, and the CLI says what it is.
import { rm } from 'node:fs/promises';
import { textStream as collect } from '../helpers/textStream.js';
import { runSeedCommand } from '../../src/cli/seedCommand.js';
import type { CollectionName, ContentBundle } from '../../src/domain/bundle.js';
import type { EventType } from '../../src/domain/changeEvent.js';
import { DEFAULT_BATCH_LIMITS } from '../../src/seed/applyImport.js';
import { bundleToWrites } from '../../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { planImport } from '../../src/seed/planImport.js';
import { writeCost } from '../../src/seed/writeCost.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';
import { COMMIT_BASE_COST } from '../../src/store/firestore/commitCost.js';
import { FIRESTORE_LIMITS } from '../../src/store/firestore/firestoreLimits.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { lessonCopySlug, seedWithLessonCopies } from '../helpers/lessonCopies.js';

const COPIES = 60;
const COLLECTION_OF: Record<EventType, CollectionName> = {
  category: 'categories',
  concept: 'concepts',
  relation: 'relations',
  comparison: 'comparisons',
  lesson: 'lessons',
};

// The batches as they were made before: at most 400 documents and 8 MiB of their JSON.
function batchesByJson(writes: readonly DocumentWrite[]): DocumentWrite[][] {
  const batches: DocumentWrite[][] = [[]];
  let bytes = 0;
  for (const write of writes) {
    const size = Buffer.byteLength(JSON.stringify(write));
    const batch = batches.at(-1)!;
    if (batch.length > 0 && (batch.length >= 400 || bytes + size > 8 * 1024 * 1024)) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)!.push(write);
    bytes += size;
  }
  return batches;
}

describeWithEmulator('seeding big lessons into Firestore', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let bundle: ContentBundle;

  beforeAll(async () => {
    [emulator, dir] = await Promise.all([startEmulator(), seedWithLessonCopies(COPIES)]);
    bundle = await loadSeedDirectory(dir);
  }, 120_000);
  afterAll(async () => {
    await emulator?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const storeFor = (projectId: string) =>
    new FirestoreStore({ projectId, emulatorHost: emulator.host, timeoutMs: 20_000 });

  const seed = async (store: FirestoreStore, limits = DEFAULT_BATCH_LIMITS) => {
    const out = collect();
    const err = collect();
    const code = await runSeedCommand(['--dir', dir], {
      store,
      seedDir: dir,
      out: out.stream,
      err: err.stream,
      limits,
    });
    return { code, out: out.text(), err: err.text() };
  };

  it('is a bundle the JSON-sized batches sent in one commit over the emulator’s limit', () => {
    const { writes } = planImport(bundle, [], { prune: false });
    const now = new Date().toISOString();
    const sent = batchesByJson(writes).map((batch) =>
      batch.reduce(
        (sum, write) => sum + writeCost(write, undefined, 'importer', now).bytes,
        COMMIT_BASE_COST.bytes,
      ),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeGreaterThan(2 * FIRESTORE_LIMITS.requestBytes);
  });

  it('imports it in commits the emulator accepts, every document consistent', async () => {
    const store = storeFor(uniqueProjectId());
    try {
      const first = await seed(store);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      // The import, then the compacted snapshot of what it wrote (see firestoreSnapshot.test.ts).
      const commits = Number(
        /content revision: (\d+) \(\1 commits\)\ncompacted snapshot: revision \1, \d+ parts?\n$/.exec(
          first.out,
        )?.[1],
      );
      expect(commits).toBeGreaterThanOrEqual(3);

      // Every document of the bundle, once, at version 1, with the bundle's data.
      const { rev, documents } = await store.readChanges(0);
      expect(rev).toBe(commits);
      const wanted = bundleToWrites(bundle);
      expect(documents).toHaveLength(wanted.length);
      const stored = new Map(documents.map((doc) => [`${doc.collection}/${doc.id}`, doc]));
      for (const write of wanted) {
        const doc = stored.get(`${write.collection}/${write.id}`);
        expect(doc).toMatchObject({ deleted: false, version: 1, updatedBy: 'importer' });
        expect(doc?.data).toEqual(write.data);
      }
      expect(documents.filter((doc) => doc.collection === 'lessons')).toHaveLength(COPIES + 1);
      // Each commit one revision; together they hold everything.
      expect(new Set(documents.map((doc) => doc.rev))).toEqual(
        new Set(Array.from({ length: commits }, (_, i) => i + 1)),
      );

      // The outbox: exactly one `created` event per document, at the document's revision.
      const { events } = await store.readEvents(null, 10_000);
      expect(events).toHaveLength(documents.length);
      for (const event of events) {
        const doc = stored.get(`${COLLECTION_OF[event.type]}/${event.documentId}`);
        expect(event).toMatchObject({ action: 'created', version: 1, rev: doc?.rev });
      }
      // The history: the lessons' one version each, equal to the document.
      for (const slug of [lessonCopySlug(1), lessonCopySlug(COPIES)]) {
        const history = await store.readHistory('lessons', slug, 10);
        expect(history).toHaveLength(1);
        expect(history[0]?.data).toEqual(stored.get(`lessons/${slug}`)?.data);
      }

      // Consistent enough that a second run finds nothing to write.
      const second = await seed(store);
      expect(second.code).toBe(0);
      expect(second.out).toMatch(/content revision: \d+ \(unchanged\)\n$/);
      expect(await store.readRevision()).toBe(commits);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('refuses a commit over Firestore’s limits before sending it, and says so', async () => {
    const store = storeFor(uniqueProjectId());
    try {
      const unbounded = { ...DEFAULT_BATCH_LIMITS, maxWrites: 100_000, maxBytes: 2 ** 30 };
      const { code, err } = await seed(store, unbounded);
      expect(code).toBe(1);
      expect(err).toMatch(
        /^PAYLOAD_TOO_LARGE: This commit is too large for Firestore: 140 documents make 421 writes \(at most 500\) and [\d.]+ MiB \(at most 4\.0 MiB a request\)/,
      );
      expect(err).toContain('nothing was written.');
      expect(err).toContain('please report it');
      expect(err).not.toContain('UNAVAILABLE');
      expect(await store.readRevision()).toBe(0);
    } finally {
      await store.close();
    }
  }, 60_000);
});
