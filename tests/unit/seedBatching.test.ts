// The seed's batches (src/seed/applyImport.ts): each commit within Firestore's limits as
// measured on what the store really sends (each document twice, with its version copy, and its
// change event; encoded by the client's own serializer and protos in tests/helpers/firestoreWire),
// the write-count cap, and documents too large to store refused before anything is written.
import { rm } from 'node:fs/promises';
import type { ContentBundle } from '../../src/domain/bundle.js';
import { AppError, ErrorCode } from '../../src/errors.js';
import { defaultSeedDir } from '../../src/paths.js';
import {
  applyImport,
  batchWrites,
  DEFAULT_BATCH_LIMITS,
  type BatchLimits,
} from '../../src/seed/applyImport.js';
import { bundleToWrites } from '../../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { planImport } from '../../src/seed/planImport.js';
import { writeCost } from '../../src/seed/writeCost.js';
import type { ContentStore, DocumentWrite, StoredDocument } from '../../src/store/contentStore.js';
import { assertCommitFits, COMMIT_BASE_COST } from '../../src/store/firestore/commitCost.js';
import { FIRESTORE_LIMITS } from '../../src/store/firestore/firestoreLimits.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { storeCommitBytes } from '../helpers/firestoreWire.js';
import { seedWithLessonCopies } from '../helpers/lessonCopies.js';

const ACTOR = 'importer';
// The transaction ids the emulator hands out are a few dozen bytes; this is generous.
const TRANSACTION_BYTES = 64;

let course: ContentBundle;
let bigLessons: ContentBundle;

beforeAll(async () => {
  course = await loadSeedDirectory(defaultSeedDir());
  const dir = await seedWithLessonCopies(60);
  try {
    bigLessons = await loadSeedDirectory(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** What each commit of `batches` really sends to Firestore, committing them to `store`. */
async function commitAndMeasure(store: ContentStore, batches: DocumentWrite[][]) {
  const sent: { documents: number; writes: number; bytes: number }[] = [];
  let after = (await store.readEvents(null, 100_000)).events.at(-1)?.position ?? null;
  for (const batch of batches) {
    const { documents } = await store.commit(batch, { actor: ACTOR });
    const { events } = await store.readEvents(after, 10_000);
    after = events.at(-1)?.position ?? after;
    sent.push({
      documents: documents.length,
      writes: 3 * documents.length + 1,
      bytes: storeCommitBytes(documents, events, TRANSACTION_BYTES),
    });
  }
  return sent;
}

/** What batchWrites measured for a batch, against the documents as they were. */
function measured(batch: readonly DocumentWrite[], current: readonly StoredDocument[] = []) {
  const byPath = new Map(current.map((doc) => [`${doc.collection}/${doc.id}`, doc]));
  const now = new Date().toISOString();
  return batch.reduce(
    (sum, write) =>
      sum + writeCost(write, byPath.get(`${write.collection}/${write.id}`), ACTOR, now).bytes,
    COMMIT_BASE_COST.bytes,
  );
}

describe('batchWrites', () => {
  it('splits big lessons so that every commit, as really sent, stays under the limit', async () => {
    const { writes } = planImport(bigLessons, [], { prune: false });
    const batches = batchWrites(writes, DEFAULT_BATCH_LIMITS, { actor: ACTOR });
    expect(batches.flat()).toEqual(writes);

    const sent = await commitAndMeasure(new MemoryStore(), batches);
    const total = sent.reduce((sum, commit) => sum + commit.bytes, 0);
    // One commit could not hold them: the copies and events make the lessons' data (about 4 MB
    // as JSON, under the 8 MiB the old JSON measure allowed a commit) over 8 MB on the wire.
    expect(total).toBeGreaterThan(2 * FIRESTORE_LIMITS.requestBytes);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const [i, commit] of sent.entries()) {
      expect(commit.bytes).toBeLessThanOrEqual(DEFAULT_BATCH_LIMITS.maxBytes);
      expect(commit.writes).toBeLessThanOrEqual(DEFAULT_BATCH_LIMITS.maxWrites);
      // The measure is what is sent, not a guess: within the placeholders' few bytes a document.
      const estimate = measured(batches[i]!);
      expect(estimate).toBeGreaterThanOrEqual(commit.bytes);
      expect(estimate - commit.bytes).toBeLessThan(40 * commit.documents + 300);
    }
    // Batches are filled, not merely bounded: each one but the last took what fit.
    for (const [i, batch] of batches.slice(0, -1).entries()) {
      const next = batches[i + 1]![0]!;
      expect(measured([...batch, next])).toBeGreaterThan(DEFAULT_BATCH_LIMITS.maxBytes);
    }
  });

  it('measures an update against the stored document (its translation records grow)', async () => {
    const store = new MemoryStore();
    await applyImport(store, planImport(course, [], { prune: false }).writes, { actor: ACTOR });
    // Every concept's Korean definition rewritten: its English is now outdated, and the store
    // keeps the Korean it was made from beside it.
    const edited = {
      ...course,
      concepts: course.concepts.map((concept) => ({
        ...concept,
        definition: { ...concept.definition, ko: `${concept.definition.ko} 고쳐 쓴 문장.` },
      })),
    };
    const { documents: current } = await store.readChanges(0);
    const { writes } = planImport(edited, current, { prune: false });
    expect(writes).toHaveLength(course.concepts.length);
    const batches = batchWrites(writes, DEFAULT_BATCH_LIMITS, { actor: ACTOR, current });
    const [sent] = await commitAndMeasure(store, batches);
    expect(batches).toHaveLength(1);
    const withCurrent = measured(writes, current);
    expect(withCurrent).toBeGreaterThanOrEqual(sent!.bytes);
    expect(withCurrent - sent!.bytes).toBeLessThan(40 * writes.length + 300);
    // Measured as creations, the update's records would be missed.
    expect(measured(writes)).toBeLessThan(sent!.bytes);
  });

  it('caps a commit at the write limit: three Firestore writes a document, one a commit', () => {
    const categories = Array.from({ length: 400 }, (_, i) => ({
      ...course.categories[0]!,
      slug: `category-${i}`,
    }));
    const writes = bundleToWrites({
      ...course,
      categories,
      concepts: [],
      relations: [],
      comparisons: [],
      lessons: [],
    });
    const sizes = batchWrites(writes).map((batch) => batch.length);
    // (450 - 1) / 3 = 149 documents a commit.
    expect(sizes).toEqual([149, 149, 102]);
    const tight: BatchLimits = { ...DEFAULT_BATCH_LIMITS, maxWrites: 31 };
    expect(batchWrites(writes.slice(0, 25), tight).map((batch) => batch.length)).toEqual([
      10, 10, 5,
    ]);
  });

  it('refuses a document too large to store, naming it, before anything is written', async () => {
    const lesson = course.lessons[0]!;
    // Its Korean markdown 130 times over (about 1.1 MB): over Firestore's 1 MiB document.
    const huge = {
      ...lesson,
      slug: 'huge-lesson',
      markdown: { ...lesson.markdown, ko: lesson.markdown.ko.repeat(130) },
    };
    const writes = bundleToWrites({ ...course, lessons: [lesson, huge] });
    const store = new MemoryStore();
    const failure = await applyImport(store, writes, { actor: ACTOR }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: ErrorCode.PAYLOAD_TOO_LARGE,
      message: 'lessons/huge-lesson is too large to store',
      issues: [
        {
          path: ['lessons', 'huge-lesson'],
          message: expect.stringMatching(
            /^is [\d.]+ MiB as stored, over the 1008\.0 KiB a Firestore document may hold$/,
          ),
        },
      ],
    });
    expect(await store.readRevision()).toBe(0);
  });

  it('refuses a document that fits Firestore but not one commit of the given size', () => {
    const writes = bundleToWrites(course);
    const lesson = writes.find((write) => write.collection === 'lessons')!;
    const limits = { ...DEFAULT_BATCH_LIMITS, maxBytes: 100_000 };
    expect(() => batchWrites(writes, limits, { actor: ACTOR })).toThrow(
      expect.objectContaining({
        code: ErrorCode.PAYLOAD_TOO_LARGE,
        issues: [
          {
            path: ['lessons', lesson.id],
            message: expect.stringMatching(/^needs a commit of [\d.]+ KiB, over the 97\.7 KiB/),
          },
        ],
      }),
    );
  });
});

describe("the Firestore store's own check", () => {
  const costOf = (path: string, bytes: number, storageBytes = 100) => ({
    path,
    writes: 3,
    bytes,
    storageBytes,
  });

  it('refuses a commit over the request size or the write count, and an oversized document', () => {
    const fits = Array.from({ length: 166 }, (_, i) => costOf(`concepts/c${i}`, 20_000));
    expect(() => assertCommitFits(fits)).not.toThrow();
    expect(() => assertCommitFits([...fits, costOf('concepts/one-more', 100)])).toThrow(
      /This commit is too large for Firestore: 167 documents make 502 writes \(at most 500\)/,
    );
    expect(() => assertCommitFits([costOf('lessons/big', 4.5 * 1024 * 1024)])).toThrow(
      /and 4\.5 MiB \(at most 4\.0 MiB a request\)/,
    );
    expect(() =>
      assertCommitFits([costOf('lessons/vast', 2_200_000, FIRESTORE_LIMITS.documentBytes + 1)]),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.PAYLOAD_TOO_LARGE,
        message: 'lessons/vast is too large for a Firestore document',
      }),
    );
  });
});
