// `npm run seed` in-process (src/cli/seedCommand.ts): the real importer against a memory store
// wrapped in CountingStore, with stdout/stderr as in-memory streams. It proves the importer's
// promises: the whole seed is validated before any write, the diff is shown, only what differs
// is written, in bounded transactions, idempotently, with progress, and failures are clear.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse, stringify } from 'yaml';
import { runSeedCommand, SEED_USAGE } from '../../src/cli/seedCommand.js';
import { COLLECTIONS, type ContentBundle } from '../../src/domain/bundle.js';
import { AppError, ErrorCode } from '../../src/errors.js';
import { defaultSeedDir } from '../../src/paths.js';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from '../../src/seed/applyImport.js';
import { writeCost } from '../../src/seed/writeCost.js';
import { COMMIT_BASE_COST } from '../../src/store/firestore/commitCost.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import type { ContentStore, DocumentWrite } from '../../src/store/contentStore.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { concept, CountingStore } from '../helpers/contentFixtures.js';

const SEED = defaultSeedDir();
// Commits of ten documents: each is three Firestore writes, and every commit one more.
const TEN_DOCUMENTS: BatchLimits = { ...DEFAULT_BATCH_LIMITS, maxWrites: 31 };
const tempDirs: string[] = [];
let seed: ContentBundle;
let seedTotal: number;

beforeAll(async () => {
  seed = await loadSeedDirectory(SEED);
  seedTotal = COLLECTIONS.reduce((n, collection) => n + seed[collection].length, 0);
});

afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A writable stream that keeps what is written, optionally claiming to be a terminal. */
function textStream(isTTY = false) {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  }) as Writable & { isTTY?: boolean };
  if (isTTY) stream.isTTY = true;
  return { stream, text: () => text };
}

/** Runs the command and returns its exit code and output. */
async function seedCommand(
  argv: string[],
  options: { store?: ContentStore; seedDir?: string; tty?: boolean; limits?: BatchLimits } = {},
) {
  const store = options.store ?? new CountingStore(new MemoryStore());
  const out = textStream(options.tty);
  const err = textStream();
  const code = await runSeedCommand(argv, {
    store,
    seedDir: options.seedDir ?? SEED,
    out: out.stream,
    err: err.stream,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return { code, out: out.text(), err: err.text() };
}

/** The report table's numbers for one collection: created, updated, unchanged, deleted, kept. */
function row(text: string, collection: string): number[] {
  const line = text.split('\n').find((l) => l.startsWith(`${collection} `));
  if (!line) throw new Error(`no row for ${collection} in:\n${text}`);
  return line.split(/\s+/).slice(1).map(Number);
}

/** `collection/id` -> version of every live document. */
async function versions(store: ContentStore): Promise<Map<string, number>> {
  const { documents } = await store.readChanges(0);
  return new Map(
    documents
      .filter((doc) => !doc.deleted)
      .map((doc) => [`${doc.collection}/${doc.id}`, doc.version]),
  );
}

/** A copy of the shipped seed in a temp directory. */
async function copySeed(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seed-command-'));
  tempDirs.push(dir);
  await cp(SEED, dir, { recursive: true });
  return dir;
}

async function editYaml(file: string, edit: (data: any) => void): Promise<void> {
  const data = parse(await readFile(file, 'utf8'));
  edit(data);
  await writeFile(file, stringify(data));
}

/** A store already holding the shipped seed (one import). */
async function seededStore(): Promise<CountingStore> {
  const store = new CountingStore(new MemoryStore());
  const first = await seedCommand([], { store });
  expect(first.code).toBe(0);
  return store;
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('runSeedCommand', () => {
  it('creates everything on an empty store and prints the diff and the revision', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, out, err } = await seedCommand([], { store });
    expect(err).toBe('');
    expect(code).toBe(0);
    for (const collection of COLLECTIONS) {
      expect(row(out, collection)).toEqual([seed[collection].length, 0, 0, 0, 0]);
    }
    expect(out).toContain(`${seedTotal} documents to write`);
    expect(out).toContain('  concepts/encoder\n');
    expect(out).toMatch(/content revision: 1 \(1 commit\)\n$/);
    const { documents } = await store.readChanges(0);
    for (const collection of COLLECTIONS) {
      expect(documents.filter((d) => d.collection === collection)).toHaveLength(
        seed[collection].length,
      );
    }
    expect(store.calls.commit).toBe(1);
  });

  it('asks a store that can compact for a snapshot after an import, and keeps the import if that fails', async () => {
    // A memory store standing in for one that can compact (Firestore's is tested on the emulator).
    const compacting = (compact: () => Promise<{ rev: number; chunks: number }>) => {
      const store = Object.assign(new MemoryStore(), {
        calls: 0,
        compact: () => {
          store.calls++;
          return compact();
        },
      });
      return store;
    };
    const working = compacting(() => Promise.resolve({ rev: 1, chunks: 2 }));
    const done = await seedCommand([], { store: working });
    expect(done.code).toBe(0);
    expect(done.out).toMatch(
      /content revision: 1 \(1 commit\)\ncompacted snapshot: revision 1, 2 parts\n$/,
    );
    expect(working.calls).toBe(1);
    // Nothing written, nothing to compact.
    expect((await seedCommand([], { store: working })).out).not.toContain('compacted snapshot');
    expect(working.calls).toBe(1);

    const failing = compacting(() =>
      Promise.reject(new AppError(ErrorCode.UNAVAILABLE, 'The store did not answer a compaction.')),
    );
    const kept = await seedCommand([], { store: failing });
    expect(kept.code).toBe(0);
    expect(kept.err).toMatch(
      /^warning: no compacted snapshot was written \(The store did not answer a compaction\.\); the first instance to start will read every document and write one\.\n$/,
    );
    expect((await failing.readChanges(0)).documents).toHaveLength(seedTotal);
  });

  it('writes nothing on a second run: zero commits, every version unchanged', async () => {
    const store = await seededStore();
    const commits = store.calls.commit;
    const before = await versions(store);
    const { code, out } = await seedCommand([], { store });
    expect(code).toBe(0);
    expect(out).toContain('nothing to write: the store already matches the seed\n');
    for (const collection of COLLECTIONS) {
      expect(row(out, collection)).toEqual([0, 0, seed[collection].length, 0, 0]);
    }
    expect(out).toMatch(/content revision: 1 \(unchanged\)\n$/);
    expect(store.calls.commit).toBe(commits);
    const after = await versions(store);
    expect(after.size).toBe(seedTotal);
    expect(after).toEqual(before);
    expect([...after.values()].every((version) => version === 1)).toBe(true);
  });

  it('--dry-run on an empty store prints the diff and writes nothing', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, out } = await seedCommand(['--dry-run'], { store });
    expect(code).toBe(0);
    expect(row(out, 'concepts')).toEqual([seed.concepts.length, 0, 0, 0, 0]);
    expect(out).toContain(`${seedTotal} documents to write (dry run: nothing written)`);
    expect(out).toMatch(/content revision: 0 \(dry run: unchanged\)\n$/);
    expect(out).not.toContain('committed');
    expect(store.calls.commit).toBe(0);
    expect(await store.readRevision()).toBe(0);
  });

  it('updates exactly the one concept that changed, to version 2', async () => {
    const store = await seededStore();
    const dir = await copySeed();
    await editYaml(join(dir, 'concepts/encoder.yaml'), (data) => {
      data.summary.en = 'The half of a transformer that reads the input.';
    });
    const commits = store.calls.commit;
    const { code, out } = await seedCommand([], { store, seedDir: dir });
    expect(code).toBe(0);
    expect(row(out, 'concepts')).toEqual([0, 1, seed.concepts.length - 1, 0, 0]);
    for (const collection of COLLECTIONS.filter((c) => c !== 'concepts')) {
      expect(row(out, collection)).toEqual([0, 0, seed[collection].length, 0, 0]);
    }
    expect(out).toContain('to update (1):\n  concepts/encoder\n');
    expect(out).toContain('1 document to write');
    expect(store.calls.commit).toBe(commits + 1);
    const after = await versions(store);
    expect(after.get('concepts/encoder')).toBe(2);
    expect([...after].filter(([, version]) => version !== 1)).toEqual([['concepts/encoder', 2]]);
    const { documents } = await store.readChanges(0);
    const encoder = documents.find((d) => d.id === 'encoder');
    expect(encoder?.data).toMatchObject({
      summary: { en: 'The half of a transformer that reads the input.' },
    });
  });

  describe('a seed without a concept the store has', () => {
    // The store gets one concept more than the shipped seed (imported from a copy of the seed
    // with an extra, unreferenced concept); the shipped seed then lacks it.
    async function storeWithExtraConcept(): Promise<CountingStore> {
      const dir = await copySeed();
      const extra = concept('extra-concept', 'fundamentals');
      await writeFile(join(dir, 'concepts/extra-concept.yaml'), stringify(extra));
      const store = new CountingStore(new MemoryStore());
      expect((await seedCommand([], { store, seedDir: dir })).code).toBe(0);
      return store;
    }

    it('keeps it without --prune', async () => {
      const store = await storeWithExtraConcept();
      const commits = store.calls.commit;
      const { code, out } = await seedCommand([], { store });
      expect(code).toBe(0);
      expect(row(out, 'concepts')).toEqual([0, 0, seed.concepts.length, 0, 1]);
      expect(out).toContain(
        'kept (1; not in the seed, --prune deletes them):\n  concepts/extra-concept\n',
      );
      expect(store.calls.commit).toBe(commits);
      expect((await versions(store)).get('concepts/extra-concept')).toBe(1);
    });

    it('deletes it with --prune, leaving a tombstone', async () => {
      const store = await storeWithExtraConcept();
      const revBefore = await store.readRevision();
      const { code, out } = await seedCommand(['--prune'], { store });
      expect(code).toBe(0);
      expect(row(out, 'concepts')).toEqual([0, 0, seed.concepts.length, 1, 0]);
      expect(out).toContain('to delete (1):\n  concepts/extra-concept\n');
      const delta = await store.readChanges(revBefore);
      expect(delta.documents).toEqual([
        expect.objectContaining({
          collection: 'concepts',
          id: 'extra-concept',
          deleted: true,
          data: null,
          version: 2,
        }),
      ]);
      expect((await versions(store)).has('concepts/extra-concept')).toBe(false);
    });
  });

  it('rejects an invalid seed with every issue and writes nothing', async () => {
    const dir = await copySeed();
    await editYaml(join(dir, 'concepts/encoder.yaml'), (data) => {
      data.term.en = 42;
    });
    await editYaml(join(dir, 'concepts/decoder.yaml'), (data) => {
      data.category = 'Not A Slug';
    });
    const store = new CountingStore(new MemoryStore());
    const { code, out, err } = await seedCommand([], { store, seedDir: dir });
    expect(code).toBe(1);
    expect(err).toMatch(/^invalid seed \(2 issues\), nothing written:\n/);
    expect(err).toMatch(/^ {2}concepts\/encoder\.yaml: term\.en: .+$/m);
    expect(err).toMatch(/^ {2}concepts\/decoder\.yaml: category: .+$/m);
    noStack(err);
    expect(out).toBe(''); // not even a diff: validation comes first
    expect(store.calls.commit).toBe(0);
    expect(await store.readRevision()).toBe(0);
  });

  it('writes in bounded batches, one line per committed batch when not on a terminal', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, out } = await seedCommand([], { store, limits: TEN_DOCUMENTS });
    expect(code).toBe(0);
    const batches = Math.ceil(seedTotal / 10);
    expect(store.calls.commit).toBe(batches);
    const lines = out.match(/^committed \d+\/\d+ documents$/gm) ?? [];
    expect(lines).toEqual(
      Array.from(
        { length: batches },
        (_, i) => `committed ${Math.min((i + 1) * 10, seedTotal)}/${seedTotal} documents`,
      ),
    );
    expect(out).not.toContain('%');
    expect(out).toContain(`content revision: ${batches} (${batches} commits)`);
    expect(await versions(store)).toHaveProperty('size', seedTotal);
  });

  it('bounds batches by bytes too (the lesson alone is one batch)', async () => {
    const store = new CountingStore(new MemoryStore());
    // Small enough that the large lesson document (with its version copy and its event, as the
    // store will stamp and send them) cannot share a commit with anything.
    const authored = seed.lessons[0]!;
    const lesson = writeCost(
      {
        op: 'put',
        collection: 'lessons',
        id: authored.slug,
        data: authored,
        translation: { claimed: seed.translations?.lessons?.[authored.slug] ?? {} },
      },
      undefined,
      'importer',
      new Date().toISOString(),
    );
    const { code } = await seedCommand([], {
      store,
      limits: { ...DEFAULT_BATCH_LIMITS, maxBytes: COMMIT_BASE_COST.bytes + lesson.bytes + 200 },
    });
    expect(code).toBe(0);
    expect(store.calls.commit).toBeGreaterThan(1);
    const { documents } = await store.readChanges(0);
    const stored = documents.find((d) => d.collection === 'lessons');
    expect(documents.filter((d) => d.rev === stored?.rev)).toHaveLength(1);
  });

  it('shows a progress bar on a terminal', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, out } = await seedCommand([], {
      store,
      tty: true,
      limits: TEN_DOCUMENTS,
    });
    expect(code).toBe(0);
    expect(out).toContain('100%');
    expect(out).toContain(`${seedTotal}/${seedTotal} documents`);
    expect(out).toMatch(/writing \[[\u2588\u2591]+\]/);
    expect(out).not.toContain('committed ');
    expect(store.calls.commit).toBe(Math.ceil(seedTotal / 10));
  });

  it('reads the seed from --dir rather than the configured directory', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, out } = await seedCommand(['--dir', SEED, '--dry-run'], {
      store,
      seedDir: '/nonexistent/seed',
    });
    expect(code).toBe(0);
    expect(row(out, 'concepts')).toEqual([seed.concepts.length, 0, 0, 0, 0]);
  });

  it('says clearly when the seed directory cannot be read', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, err } = await seedCommand(['--dir', '/nonexistent/seed'], { store });
    expect(code).toBe(1);
    expect(err).toMatch(/\/nonexistent\/seed: .*is not a seed directory/);
    noStack(err);
    expect(store.calls.commit).toBe(0);
  });

  it.each([
    [['--bogus'], /--bogus/],
    [['--dir'], /--dir/],
    [['extra-positional'], /extra-positional/],
  ])('rejects bad usage %j with the usage text and exit 2', async (argv, message) => {
    const store = new CountingStore(new MemoryStore());
    const { code, out, err } = await seedCommand(argv, { store });
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain(SEED_USAGE);
    expect(out).toBe('');
    expect(store.total()).toBe(0);
  });

  it('prints the usage for --help and touches nothing', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, out } = await seedCommand(['--help'], { store });
    expect(code).toBe(0);
    expect(out).toBe(SEED_USAGE);
    expect(store.total()).toBe(0);
  });

  it('reports an unavailable store with its code and message, no stack', async () => {
    const store = new CountingStore(new MemoryStore());
    store.failure = new AppError(ErrorCode.UNAVAILABLE, 'The content store did not answer.');
    const { code, err } = await seedCommand([], { store });
    expect(code).toBe(1);
    expect(err).toBe('UNAVAILABLE: The content store did not answer.\nnothing was written.\n');
  });

  it('refuses a document too large to store before writing anything, naming it', async () => {
    const store = new CountingStore(new MemoryStore());
    const { code, err } = await seedCommand([], {
      store,
      limits: { ...DEFAULT_BATCH_LIMITS, maxDocumentBytes: 50_000 },
    });
    expect(code).toBe(1);
    expect(err).toMatch(
      new RegExp(
        '^PAYLOAD_TOO_LARGE: lessons/introduction-to-llms is too large to store\n' +
          '  lessons/introduction-to-llms: is [\\d.]+ KiB as stored, over the 48.8 KiB a ' +
          'Firestore document may hold\nnothing was written.\nFirestore stores at most 1 MiB ' +
          'a document: shorten what is named above',
      ),
    );
    noStack(err);
    expect(store.calls.commit).toBe(0);
  });

  // The errors as Firestore's client hands them over: gRPC code 8 at once, or (after retrying
  // it for a minute) code 4 with the refusal in its message. Recorded from the emulator.
  const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code });
  it.each([
    [
      'a request over the size limit',
      grpcError(8, '8 RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4194304: 6000504'),
      'RESOURCE_EXHAUSTED: gRPC message exceeds maximum size 4194304: 6000504\n',
      'larger than the store accepts',
    ],
    [
      'the same, given up on after the client retried it',
      grpcError(
        4,
        'Total timeout of API google.firestore.v1.Firestore exceeded 60000 milliseconds ' +
          'retrying error Error: 8 RESOURCE_EXHAUSTED: gRPC message exceeds maximum size ' +
          '4194304: 5001244  before any response was received.',
      ),
      'RESOURCE_EXHAUSTED: Total timeout of API google.firestore.v1.Firestore exceeded',
      'larger than the store accepts',
    ],
    [
      'a quota used up',
      grpcError(8, '8 RESOURCE_EXHAUSTED: Quota exceeded.'),
      'RESOURCE_EXHAUSTED: Quota exceeded.\n',
      'A quota of the Firestore project is used up',
    ],
  ])(
    'reports %s as RESOURCE_EXHAUSTED with advice, not UNAVAILABLE',
    async (_, failure, head, advice) => {
      const store = new CountingStore(new MemoryStore());
      store.failure = failure;
      const { code, err } = await seedCommand([], { store });
      expect(code).toBe(1);
      expect(err.startsWith(head)).toBe(true);
      expect(err).toContain('nothing was written.\n');
      expect(err).toContain(advice);
      expect(err).not.toContain('UNAVAILABLE');
      noStack(err);
    },
  );

  it('suggests more time when the store answered nothing within its deadline', async () => {
    const store = new CountingStore(new MemoryStore());
    store.failure = new AppError(
      ErrorCode.UNAVAILABLE,
      'The content store did not answer a change read within 5000 ms.',
    );
    const { code, err } = await seedCommand([], { store });
    expect(code).toBe(1);
    expect(err).toMatch(
      /^UNAVAILABLE: The content store did not answer a change read within 5000 ms\.\nnothing was written\. If the store is reachable, it may only be large: .* STORE_TIMEOUT_MS=300000 npm run seed\.\n$/,
    );
  });

  it('says how far a failed import got, and a re-run writes only the rest', async () => {
    // The store goes down after two committed batches (each batch is its own transaction).
    const store = new CountingStore(new MemoryStore());
    const failing: ContentStore = {
      kind: store.kind,
      readRevision: () => store.readRevision(),
      readChanges: (since) => store.readChanges(since),
      readHistory: (collection, id, limit) => store.readHistory(collection, id, limit),
      readEvents: (after, limit) => store.readEvents(after, limit),
      readRelayPosition: () => store.readRelayPosition(),
      markRelayed: (position) => store.markRelayed(position),
      commit: (writes) =>
        store.calls.commit === 2
          ? Promise.reject(new AppError(ErrorCode.UNAVAILABLE, 'The store went away.'))
          : store.commit(writes),
      close: () => store.close(),
    };
    const limits = TEN_DOCUMENTS;
    const failed = await seedCommand([], { store: failing, limits });
    expect(failed.code).toBe(1);
    expect(failed.err).toBe(
      'UNAVAILABLE: The store went away.\n20 documents were committed before the failure; ' +
        'run the seed again to finish (it writes only what still differs).\n',
    );
    expect(failed.out).toContain('committed 20/');
    expect((await versions(store)).size).toBe(20);

    const resumed = await seedCommand([], { store, limits });
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(`${seedTotal - 20} documents to write`);
    const after = await versions(store);
    expect(after.size).toBe(seedTotal);
    expect([...after.values()].every((version) => version === 1)).toBe(true);
  });

  it('reports a CONFLICT when someone edits the content during the import', async () => {
    // Another admin commits an edit between the importer's read and its first commit.
    const store = await seededStore();
    const dir = await copySeed();
    await editYaml(join(dir, 'concepts/encoder.yaml'), (data) => {
      data.summary.en = 'Edited by the importer.';
    });
    const racing: ContentStore = {
      kind: store.kind,
      readRevision: () => store.readRevision(),
      readChanges: (since) => store.readChanges(since),
      readHistory: (collection, id, limit) => store.readHistory(collection, id, limit),
      readEvents: (after, limit) => store.readEvents(after, limit),
      readRelayPosition: () => store.readRelayPosition(),
      markRelayed: (position) => store.markRelayed(position),
      async commit(writes: readonly DocumentWrite[]) {
        const { documents } = await store.readChanges(0);
        const encoder = documents.find((d) => d.id === 'encoder');
        if (encoder?.collection !== 'concepts' || encoder.deleted) throw new Error('no encoder');
        await store.commit([
          {
            op: 'put',
            collection: 'concepts',
            id: 'encoder',
            data: {
              ...encoder.data,
              summary: { ko: encoder.data.summary.ko, en: 'Edited by someone else.' },
            },
            expectedVersion: encoder.version,
          },
        ]);
        return store.commit(writes);
      },
      close: () => store.close(),
    };
    const { code, err } = await seedCommand([], { store: racing, seedDir: dir });
    expect(code).toBe(1);
    expect(err).toMatch(
      /^CONFLICT: concepts\/encoder is at version 2, not the expected version 1\n/,
    );
    expect(err).toContain('run the seed again');
    noStack(err);
    const { documents } = await store.readChanges(0);
    expect(documents.find((d) => d.id === 'encoder')?.data).toMatchObject({
      summary: { en: 'Edited by someone else.' },
    });
  });
});
