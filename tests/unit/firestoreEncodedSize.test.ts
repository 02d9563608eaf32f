// The measure the seed batches by and the Firestore store checks commits with
// (src/store/firestore/encodedSize.ts, commitCost.ts) against what Firestore's client really
// sends: its own serializer and protobufjs with its own protos (tests/helpers/firestoreWire.ts).
import { defaultSeedDir } from '../../src/paths.js';
import { importSeed } from '../../src/seed/importSeed.js';
import {
  COMMIT_BASE_COST,
  documentCost,
  REVISION_BOUND,
} from '../../src/store/firestore/commitCost.js';
import {
  encodeData,
  firestoreFields,
  toFirestore,
} from '../../src/store/firestore/documentCodec.js';
import {
  documentStorageSize,
  measureFields,
  writeWireSize,
} from '../../src/store/firestore/encodedSize.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import {
  commitRequestBytes,
  LONGEST_DATABASE,
  storedDocumentWrites,
} from '../helpers/firestoreWire.js';

// Every kind of value the codec and the serializer handle, at the edges of their encodings.
const EDGES: Record<string, unknown> = {
  empty: '',
  ascii: 'plain text',
  korean: '대규모 언어 모델',
  emoji: '🙂 and 𝄞',
  long: '가'.repeat(20_000), // a length that takes a three-byte varint
  integers: [0, 1, 127, 128, 16_383, 16_384, 2 ** 31, Number.MAX_SAFE_INTEGER],
  negatives: [-1, -128, Number.MIN_SAFE_INTEGER],
  doubles: [1.5, -0, 1e300, 2 ** 60, Number.NaN],
  booleans: [true, false],
  nothing: null,
  dropped: undefined,
  emptyList: [],
  emptyMap: {},
  nested: { rows: [['a', 'b'], [], [[1, [2]], { x: undefined, y: [true] }]] },
  '한국어 키': { [`key-${'k'.repeat(200)}`]: 'a long key' },
};

describe('the wire measure', () => {
  it('is exact for every kind of value, before and after the codec encodes it', () => {
    const name = `${LONGEST_DATABASE}/documents/lessons/edges`;
    const sent = commitRequestBytes({
      writes: [{ path: 'lessons/edges', fields: encodeData(EDGES) as Record<string, unknown> }],
    });
    expect(writeWireSize(name, measureFields(EDGES).wire)).toBe(sent);
    expect(writeWireSize(name, measureFields(encodeData(EDGES) as never).wire)).toBe(sent);
  });

  it('is exact for the course: each document, its version copy and its event', async () => {
    const store = new MemoryStore();
    await importSeed(store, defaultSeedDir());
    const { documents } = await store.readChanges(0);
    const { events } = await store.readEvents(null, 1000);
    const eventOf = new Map(events.map((event) => [`${event.rev}/${event.documentId}`, event]));
    expect(documents.length).toBeGreaterThan(70);
    for (const doc of documents) {
      const event = eventOf.get(`${doc.rev}/${doc.id}`)!;
      const sent = commitRequestBytes({ writes: storedDocumentWrites(doc, event) });
      expect(documentCost(doc, toFirestore(doc), event).bytes).toBe(sent);
      // Measured before the codec encodes the data (as the seed does): the same.
      expect(documentCost(doc, firestoreFields(doc, doc.data), event).bytes).toBe(sent);
    }
  });

  it("is exact for a commit's own part: the revision document, the database, the transaction", () => {
    const sent = commitRequestBytes({
      database: LONGEST_DATABASE,
      transaction: Buffer.alloc(256, 1),
      writes: [
        {
          path: 'meta/content',
          fields: { rev: REVISION_BOUND, epoch: 'e'.repeat(36), updatedAt: 'u'.repeat(24) },
        },
      ],
    });
    expect(COMMIT_BASE_COST).toEqual({ writes: 1, bytes: sent });
  });
});

describe('the storage measure', () => {
  it("is Firestore's documented example: a task document of 147 bytes", () => {
    // https://firebase.google.com/docs/firestore/storage-size#document-size
    const fields = {
      type: 'Personal',
      done: false,
      priority: 1,
      description: 'Learn Cloud Firestore',
    };
    expect(documentStorageSize('users/jeff/tasks/my_task_id', measureFields(fields).storage)).toBe(
      147,
    );
  });

  it('counts the codec’s wrapping of an array inside an array', () => {
    const nested = { cells: [['a']] };
    const encoded = encodeData(nested) as Record<string, unknown>;
    expect(measureFields(nested).storage).toBe(measureFields(encoded).storage);
    // cells (6) + __list (7) + 'a' (2)
    expect(measureFields(nested).storage).toBe(15);
  });
});
