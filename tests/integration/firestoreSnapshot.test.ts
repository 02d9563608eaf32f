// A Firestore instance's start reads a compacted snapshot and the documents written since it, not
// every document: bounded reads whatever the size of the course, the same documents as a full
// read, and a damaged snapshot is never used.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  EARLIER_POINTER_DOC,
  POINTER_DOC,
  pointerOf,
  withChanges,
} from '../../src/store/firestore/compactedSnapshot.js';
import { SNAPSHOT_DEFERRED_FIELDS } from '../../src/store/deferredTexts.js';
import { FirestoreStore } from '../../src/store/firestore/firestoreStore.js';
import type { ChangeBatch, StoredDocument } from '../../src/store/contentStore.js';
import { importBundle } from '../../src/seed/importSeed.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { defaultSeedDir } from '../../src/paths.js';
import type { ContentBundle } from '../../src/domain/bundle.js';
import {
  describeWithEmulator,
  startEmulator,
  uniqueProjectId,
  type RunningEmulator,
  withRawFirestore,
} from '../helpers/firestoreEmulator.js';
import type { Firestore } from '@google-cloud/firestore';

// The course with its concepts and relations copied `copies` times (slugs suffixed).
function copied(bundle: ContentBundle, copies: number): ContentBundle {
  const suffix = (slug: string, copy: number) => (copy === 0 ? slug : `${slug}-c${copy}`);
  const range = Array.from({ length: copies }, (_, copy) => copy);
  return {
    ...bundle,
    concepts: range.flatMap((copy) =>
      bundle.concepts.map((concept) => ({
        ...concept,
        slug: suffix(concept.slug, copy),
        analogies: concept.analogies.map((analogy) => ({
          ...analogy,
          mapping: analogy.mapping.map(({ concept: linked, ...pair }) =>
            linked ? { ...pair, concept: suffix(linked, copy) } : pair,
          ),
        })),
      })),
    ),
    relations: range.flatMap((copy) =>
      bundle.relations.map((relation) => ({
        ...relation,
        from: suffix(relation.from, copy),
        to: suffix(relation.to, copy),
      })),
    ),
  };
}

// What the first deploys wrote: the whole content in one gzipped JSON, its pointer without a
// format, at the place every pointer then was.
async function writeFirstFormatSnapshot(raw: Firestore, everything: ChangeBatch) {
  const bytes = gzipSync(
    JSON.stringify({ documents: everything.documents, rejected: everything.rejected ?? [] }),
  );
  const id = `${everything.epoch}-${String(everything.rev).padStart(12, '0')}`;
  const pointer = {
    id,
    epoch: everything.epoch,
    rev: everything.rev,
    chunks: 1,
    documents: everything.documents.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdAt: new Date().toISOString(),
  };
  await raw.collection('snapshots').doc(id).collection('chunks').doc('0').set({ bytes });
  await raw.collection('snapshots').doc(id).set(pointer);
  await raw.collection('meta').doc(EARLIER_POINTER_DOC).set(pointer);
  return pointer;
}

const byKey = (docs: readonly StoredDocument[]) =>
  [...docs].sort((a, b) => (`${a.collection}/${a.id}` < `${b.collection}/${b.id}` ? -1 : 1));

describeWithEmulator('compacted snapshots on Firestore', () => {
  let emulator: RunningEmulator;
  let course: ContentBundle;
  const open: FirestoreStore[] = [];
  const storeOf = (projectId: string, compactAfterDocuments?: number) => {
    const store = new FirestoreStore({
      projectId,
      emulatorHost: emulator.host,
      timeoutMs: 20_000,
      ...(compactAfterDocuments !== undefined ? { compactAfterDocuments } : {}),
    });
    open.push(store);
    return store;
  };
  // A project holding the course copied `copies` times, and its documents read one by one.
  const project = async (copies: number) => {
    const projectId = uniqueProjectId('snapshot');
    const importer = storeOf(projectId, Number.MAX_SAFE_INTEGER);
    await importBundle(importer, copied(course, copies));
    const everything = await importer.readChanges(0);
    return { projectId, importer, everything };
  };
  // A new store of the project, which cannot use its snapshot: it reads every document one by
  // one and serves them all.
  const expectReadOneByOne = async (projectId: string, everything: ChangeBatch) => {
    const store = storeOf(projectId, Number.MAX_SAFE_INTEGER);
    expect(byKey((await store.readChanges(0)).documents)).toEqual(byKey(everything.documents));
    expect(store.stats.documentsRead).toBeGreaterThanOrEqual(everything.documents.length);
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    course = await loadSeedDirectory(defaultSeedDir());
  }, 90_000);
  afterAll(async () => {
    await Promise.all(open.map((store) => store.close()));
    await emulator?.stop();
  });

  it('starts from a snapshot in a few reads whatever the size of the course, with the same documents', async () => {
    const reads: number[] = [];
    for (const copies of [1, 8]) {
      const { projectId, importer, everything } = await project(copies);
      expect(importer.stats.documentsRead).toBeGreaterThanOrEqual(everything.documents.length);
      const pointer = await importer.compact();
      const starting = storeOf(projectId);
      const batch = await starting.readChanges(0);
      expect(byKey(batch.documents)).toEqual(byKey(everything.documents));
      expect(batch.rev).toBe(everything.rev);
      // The revision and pointer documents, and the snapshot's parts: nothing per document.
      expect(starting.stats.documentsRead).toBe(2 + pointer.chunks);
      reads.push(starting.stats.documentsRead);
    }
    expect(reads[1]! - reads[0]!).toBeLessThanOrEqual(1);
  }, 120_000);

  it('reads the snapshot plus only the documents written since it', async () => {
    const { projectId, importer, everything } = await project(1);
    const pointer = await importer.compact();
    const concept = everything.documents.find((d) => d.collection === 'concepts' && !d.deleted)!;
    const relation = everything.documents.find((d) => d.collection === 'relations')!;
    const update = { ...(concept.data as object), aliases: ['after the snapshot'] };
    const committed = await importer.commit([
      { op: 'put', collection: 'concepts', id: concept.id, data: update as never },
      { op: 'delete', collection: 'relations', id: relation.id },
      {
        op: 'put',
        collection: 'categories',
        id: 'new-one',
        data: { slug: 'new-one', name: { ko: '새' }, order: 99 },
      },
    ]);
    const starting = storeOf(projectId);
    const batch = await starting.readChanges(0);
    expect(byKey(batch.documents)).toEqual(
      byKey(withChanges(everything.documents, committed.documents)),
    );
    expect(batch.rev).toBe(committed.rev);
    expect(starting.stats.documentsRead).toBe(2 + pointer.chunks + 3);
  }, 120_000);

  it('leaves a snapshot after a start that read many documents one by one', async () => {
    const { projectId, everything } = await project(4);
    expect(everything.documents.length).toBeGreaterThan(200);
    const first = storeOf(projectId);
    await first.readChanges(0);
    expect(first.stats.documentsRead).toBeGreaterThan(everything.documents.length);
    await first.close(); // waits for the snapshot it writes in the background
    const next = storeOf(projectId);
    const batch = await next.readChanges(0);
    expect(byKey(batch.documents)).toEqual(byKey(everything.documents));
    expect(next.stats.documentsRead).toBeLessThan(10);
  }, 120_000);

  it('reads every document when a part of the snapshot is damaged, or it is from another history', async () => {
    const { projectId, importer, everything } = await project(1);
    const pointer = await importer.compact();
    await withRawFirestore(emulator, projectId, async (raw) => {
      const part = raw.collection('snapshots').doc(pointer.id).collection('chunks').doc('0');
      const bytes = (await part.get()).get('bytes') as Buffer;
      await part.set({ bytes: Buffer.concat([bytes.subarray(0, 10), Buffer.from('damaged')]) });
      await expectReadOneByOne(projectId, everything);

      await importer.compact();
      await raw.collection('meta').doc(POINTER_DOC).update({ epoch: 'another-history' });
      await expectReadOneByOne(projectId, everything);
    });
  }, 120_000);
  it('reads a snapshot of the earlier format (one gzipped JSON), then leaves a split one beside it', async () => {
    const { projectId, everything } = await project(1);
    await withRawFirestore(emulator, projectId, async (raw) => {
      const old = await writeFirstFormatSnapshot(raw, everything);

      const starting = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      expect(byKey((await starting.readChanges(0)).documents)).toEqual(byKey(everything.documents));
      // The revision, this format's pointer (none yet), the earlier one, its one part.
      expect(starting.stats.documentsRead).toBe(4);
      await starting.close(); // waits for the split snapshot it writes in the background

      // The earlier deploy's instances (still serving in a rolling deploy) keep starting from
      // theirs: its pointer and its part are left as they were.
      expect((await raw.collection('meta').doc(EARLIER_POINTER_DOC).get()).data()).toEqual(old);
      const oldPart = raw.collection('snapshots').doc(old.id).collection('chunks').doc('0');
      expect((await oldPart.get()).exists).toBe(true);
      const stored = (await raw.collection('meta').doc(POINTER_DOC).get()).data();
      // A reader of the first format would see no parts (and read documents one by one).
      expect(stored).toMatchObject({ chunks: 0, sha256: '' });
      const split = pointerOf(stored)!;
      expect(split.rev).toBe(everything.rev);
      expect(split.headBytes).toBeGreaterThan(0);
      const next = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      const lesson = (await next.readChanges(0)).documents.find((d) => d.collection === 'lessons');
      expect(next.stats.documentsRead).toBe(2 + split.chunks);
      expect(Object.getOwnPropertyDescriptor(lesson!.data, 'sections')).toHaveProperty('get');
      expect(byKey((await next.readChanges(0)).documents)).toEqual(byKey(everything.documents));
    });
  }, 120_000);

  it('reads a snapshot of format 2 (a span object per document), then leaves one of the current format beside it', async () => {
    const { projectId, everything } = await project(1);
    // What a deploy of format 2 wrote: a head of the documents without their large texts and,
    // per document, where each lies ([block, start, end)), then the texts in one gzipped block.
    const texts: Buffer[] = [];
    let offset = 0;
    const spans: (Record<string, [number, number, number]> | 0)[] = [];
    const documents = everything.documents.map((doc) => {
      const data = doc.data as Record<string, unknown> | null;
      const fields = doc.deleted ? [] : (SNAPSHOT_DEFERRED_FIELDS[doc.collection] ?? []);
      const own = fields.filter((field) => data && Object.hasOwn(data, field));
      if (!data || own.length === 0) {
        spans.push(0);
        return doc;
      }
      const docSpans: Record<string, [number, number, number]> = {};
      const rest = { ...data };
      for (const field of own) {
        const text = Buffer.from(JSON.stringify(data[field]));
        texts.push(text);
        docSpans[field] = [0, offset, offset + text.length];
        offset += text.length;
        rest[field] = 0;
      }
      spans.push(docSpans);
      return { ...doc, data: rest };
    });
    const block = gzipSync(Buffer.concat(texts));
    const head = gzipSync(
      JSON.stringify({ documents, rejected: [], spans, blocks: [block.length] }),
    );
    const bytes = Buffer.concat([head, block]);
    const id = `${everything.epoch}-${String(everything.rev).padStart(12, '0')}-split`;
    const formatTwo = {
      id,
      epoch: everything.epoch,
      rev: everything.rev,
      chunks: 0,
      documents: everything.documents.length,
      sha256: '',
      createdAt: new Date().toISOString(),
      format: 2,
      parts: 1,
      partsSha256: createHash('sha256').update(bytes).digest('hex'),
      headBytes: head.length,
    };
    await withRawFirestore(emulator, projectId, async (raw) => {
      await raw.collection('snapshots').doc(id).collection('chunks').doc('0').set({ bytes });
      await raw.collection('snapshots').doc(id).set(formatTwo);
      await raw.collection('meta').doc(EARLIER_POINTER_DOC).set(formatTwo);

      const starting = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      const fromTwo = (await starting.readChanges(0)).documents;
      expect(starting.stats.documentsRead).toBe(4);
      const lesson = fromTwo.find((d) => d.collection === 'lessons')!;
      expect(Object.getOwnPropertyDescriptor(lesson.data, 'sections')).toHaveProperty('get');
      expect(byKey(fromTwo)).toEqual(byKey(everything.documents));
      await starting.close(); // waits for the snapshot of the current format it writes

      // A deploy that reads only format 2 keeps its pointer (it would refuse a format-3 one).
      const earlier = await raw.collection('meta').doc(EARLIER_POINTER_DOC).get();
      expect(earlier.data()).toEqual(formatTwo);
      const current = pointerOf((await raw.collection('meta').doc(POINTER_DOC).get()).data())!;
      expect(current).toMatchObject({ rev: everything.rev, format: 3 });
      expect(current.id).not.toBe(id);
      const next = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      const fromThree = (await next.readChanges(0)).documents;
      expect(next.stats.documentsRead).toBe(2 + current.chunks);
      // Current translation records now lie with the texts, read when first asked for.
      const concept = fromThree.find((d) => d.collection === 'concepts' && 'translations' in d)!;
      expect(Object.getOwnPropertyDescriptor(concept, 'translations')).toHaveProperty('get');
      expect(byKey(fromThree)).toEqual(byKey(everything.documents));
    });
  }, 120_000);

  it("starts from an earlier deploy's snapshot when this format's is gone, and mends it", async () => {
    const { projectId, importer, everything } = await project(1);
    const pointer = await importer.compact();
    await withRawFirestore(emulator, projectId, async (raw) => {
      // An instance of the earlier deploy compacted meanwhile: it wrote its snapshot and pointer
      // and, as its cleanup does, removed every other snapshot (this format's among them).
      await writeFirstFormatSnapshot(raw, everything);
      await raw.recursiveDelete(raw.collection('snapshots').doc(pointer.id));
      const starting = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      expect(byKey((await starting.readChanges(0)).documents)).toEqual(byKey(everything.documents));
      // This format's pointer and its missing parts, then the earlier pointer and its part:
      // nothing read one by one.
      expect(starting.stats.documentsRead).toBe(2 + pointer.chunks + 2);
      await starting.close(); // waits for the snapshot it writes again
      const next = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      expect(byKey((await next.readChanges(0)).documents)).toEqual(byKey(everything.documents));
      expect(next.stats.documentsRead).toBe(2 + pointer.chunks);
    });
  }, 120_000);

  it('reads a pointer of this format where earlier deploys keep theirs, and keeps it moving', async () => {
    const { projectId, importer, everything } = await project(1);
    const first = await importer.compact();
    await withRawFirestore(emulator, projectId, async (raw) => {
      // As the deploy of this format before pointers per format left it: its pointer at the
      // earlier place, none at this format's.
      const pointerDoc = raw.collection('meta').doc(POINTER_DOC);
      const earlierDoc = raw.collection('meta').doc(EARLIER_POINTER_DOC);
      await earlierDoc.set((await pointerDoc.get()).data()!);
      await pointerDoc.delete();
      const starting = storeOf(projectId, Number.MAX_SAFE_INTEGER);
      expect(byKey((await starting.readChanges(0)).documents)).toEqual(byKey(everything.documents));
      expect(starting.stats.documentsRead).toBe(3 + first.chunks);
      await starting.close(); // waits for the pointer of its own it leaves
      // The same snapshot (its parts written again), now named by a pointer of its own.
      const { createdAt: _written, ...same } = first;
      expect(pointerOf((await pointerDoc.get()).data())).toMatchObject(same);

      // A later snapshot moves both: the earlier deploy's instances read this format.
      const concept = everything.documents.find((d) => d.collection === 'concepts')!;
      const update = { ...(concept.data as object), aliases: ['later'] };
      await importer.commit([
        { op: 'put', collection: 'concepts', id: concept.id, data: update as never },
      ]);
      const later = await importer.compact();
      expect(later.rev).toBeGreaterThan(first.rev);
      expect(pointerOf((await pointerDoc.get()).data())).toEqual(later);
      expect(pointerOf((await earlierDoc.get()).data())).toEqual(later);
      // Each pointer's previous snapshot is kept for a reader that read it before it moved.
      const kept = (await raw.collection('snapshots').listDocuments()).map((ref) => ref.id);
      expect(kept.sort()).toEqual([first.id, later.id].sort());
    });
  }, 120_000);

  it('reads every document when the last part (the texts) is damaged', async () => {
    const { projectId, importer, everything } = await project(4);
    const pointer = await importer.compact();
    expect(pointer.headBytes).toBeGreaterThan(0);
    await withRawFirestore(emulator, projectId, async (raw) => {
      const last = raw
        .collection('snapshots')
        .doc(pointer.id)
        .collection('chunks')
        .doc(String(pointer.chunks - 1));
      const bytes = (await last.get()).get('bytes') as Buffer;
      const changed = Buffer.from(bytes);
      changed[changed.length - 20]! ^= 1;
      await last.set({ bytes: changed });
      await expectReadOneByOne(projectId, everything);
    });
  }, 120_000);
});
