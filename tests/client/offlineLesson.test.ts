// The client's offline lesson (OfflineLesson + SyncStorage) against the real function: after
// edits, unpublishing, republishing, a relation added and removed, a related concept deleted,
// and sync tokens the API cannot continue from (FULL_SYNC_REQUIRED), the kept copy always
// equals a fresh fetch of the bundle.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createClient,
  MemoryStorage,
  OfflineLesson,
  type LessonBundle,
  type SyncStorage,
} from '../../clients/typescript/src/index.js';
import { FileStorage } from '../../clients/typescript/src/fileStorage.js';
import { as, editSummary, versionOf } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { publishedConcept } from '../helpers/syncScenario.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

/** The lesson teaching the fewest concepts (so some edits touch it and others do not). */
async function smallestLesson(url: string): Promise<string> {
  const client = createClient({ url });
  const { items } = await client.get('/v1/lessons', {});
  const sizes = await Promise.all(
    items.map(async ({ slug }) => {
      const bundle = await client.get('/v1/lessons/{slug}/bundle', {
        path: { slug },
        query: { locales: 'en' },
      });
      return [bundle.content.en!.concepts.length, slug] as const;
    }),
  );
  return sizes.sort(([a], [b]) => a - b)[0]![1];
}

/** What must match between two bundles of the same content (rev and token name when, not what). */
const contentOf = (bundle: LessonBundle) => ({
  content: bundle.content,
  contentHash: bundle.contentHash,
});

async function adminMutation(url: string, query: string, variables: Record<string, unknown>) {
  const answer = await as('admin', url, query, variables);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

/** A storage to keep the copy in, and how to clean it up. */
type StorageUnderTest = () => Promise<{ storage: SyncStorage; done: () => Promise<void> }>;

describe.each<[string, StorageUnderTest]>([
  [
    'memory',
    () => Promise.resolve({ storage: new MemoryStorage(), done: () => Promise.resolve() }),
  ],
  [
    'file',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'offline-lesson-'));
      return {
        storage: new FileStorage(directory),
        done: () => rm(directory, { recursive: true, force: true }),
      };
    },
  ],
])('an offline lesson kept in %s storage', (_kind, makeStorage) => {
  it('converges to a fresh bundle fetch after every kind of change', async () => {
    const server = await serveApi({ API_TOKENS: TEST_API_TOKENS });
    const { storage, done } = await makeStorage();
    try {
      const client = createClient({ url: server.url });
      const LESSON = await smallestLesson(server.url);
      const offline = new OfflineLesson(client, storage, LESSON, ['en']);
      const fresh = async () =>
        contentOf(
          await createClient({ url: server.url }).get('/v1/lessons/{slug}/bundle', {
            path: { slug: LESSON },
            query: { locales: 'en' },
          }),
        );
      const expectConverged = async () =>
        expect(contentOf(await offline.bundle())).toEqual(await fresh());

      expect(await offline.sync()).toMatchObject({ refetched: true, fullSync: false });
      const held = (await offline.bundle()).content.en!.concepts.map((c) => c.slug);
      const [first, second] = held as [string, string];

      // An edit of a concept the lesson teaches.
      const before = await offline.bundle();
      await editSummary(server.url, first, await versionOf(server.url, first), {
        ko: '클라이언트 요약.',
        en: 'A client summary.',
      });
      expect(await offline.sync()).toMatchObject({ refetched: true });
      expect(contentOf(await offline.bundle())).not.toEqual(contentOf(before));
      await expectConverged();

      // A concept published elsewhere: the tokens move, the bundle is not fetched again.
      await publishedConcept(server, 'client-elsewhere');
      expect(await offline.sync()).toMatchObject({ refetched: false, fullSync: false });
      await expectConverged();

      // Unpublished (withdrawn from anonymous copies), then published again.
      await adminMutation(
        server.url,
        'mutation($s: ID!, $v: Int!) { unpublishConcept(slug: $s, expectedVersion: $v) { status } }',
        {
          s: second,
          v: await versionOf(server.url, second),
        },
      );
      expect(await offline.sync()).toMatchObject({ refetched: true });
      expect((await offline.bundle()).content.en!.concepts.map((c) => c.slug)).not.toContain(
        second,
      );
      await expectConverged();
      await adminMutation(
        server.url,
        'mutation($s: ID!, $v: Int!) { publishConcept(slug: $s, expectedVersion: $v) { status } }',
        {
          s: second,
          v: await versionOf(server.url, second),
        },
      );
      expect(await offline.sync()).toMatchObject({ refetched: true });
      expect((await offline.bundle()).content.en!.concepts.map((c) => c.slug)).toContain(second);
      await expectConverged();

      // A relation between two of its concepts, added and then deleted.
      const relation = { from: first, kind: 'CONTRASTS_WITH', to: second };
      await adminMutation(
        server.url,
        'mutation($i: RelationInput!) { addRelation(input: $i) { id } }',
        { i: relation },
      );
      expect(await offline.sync()).toMatchObject({ refetched: true });
      await expectConverged();
      await adminMutation(
        server.url,
        'mutation($f: ID!, $k: RelationKind!, $t: ID!) { removeRelation(from: $f, kind: $k, to: $t) }',
        { f: relation.from, k: relation.kind, t: relation.to },
      );
      expect(await offline.sync()).toMatchObject({ refetched: true });
      await expectConverged();

      // A concept related to one the lesson teaches (so in that concept's `relations`), then
      // deleted by an admin with its relation (cascade): neither is a document of the bundle.
      const relationsOfFirst = async () =>
        (await offline.bundle()).content.en!.concepts.find((c) => c.slug === first)!.relations;
      await publishedConcept(server, 'client-neighbour');
      await adminMutation(
        server.url,
        'mutation($i: RelationInput!) { addRelation(input: $i) { id } }',
        { i: { from: 'client-neighbour', kind: 'CONTRASTS_WITH', to: first } },
      );
      expect(await offline.sync()).toMatchObject({ refetched: true, fullSync: false });
      expect(await relationsOfFirst()).toContainEqual(
        expect.objectContaining({ concept: 'client-neighbour' }),
      );
      await expectConverged();
      await adminMutation(
        server.url,
        'mutation($s: ID!, $v: Int!) { deleteConcept(slug: $s, expectedVersion: $v, cascade: true) { slug } }',
        { s: 'client-neighbour', v: await versionOf(server.url, 'client-neighbour') },
      );
      expect(await offline.sync()).toMatchObject({ refetched: true, fullSync: false });
      expect(await relationsOfFirst()).not.toContainEqual(
        expect.objectContaining({ concept: 'client-neighbour' }),
      );
      await expectConverged();

      // Tokens the API cannot continue from, each answered FULL_SYNC_REQUIRED by the function:
      // one that is not a token, and a real one of another store history (its epoch changed).
      // The copy is replaced by a full fetch, which an edit made meanwhile is part of.
      const key = `lesson-bundle:${LESSON}:en`;
      const keptToken = JSON.parse((await storage.get(key))!).tokens.en as string;
      const otherHistory = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(keptToken, 'base64url').toString()), e: 'x' }),
      ).toString('base64url');
      for (const token of ['not-a-token', otherHistory]) {
        await editSummary(server.url, first, await versionOf(server.url, first), {
          ko: `토큰 ${token.length}.`,
          en: `Token ${token.length}.`,
        });
        const kept = JSON.parse((await storage.get(key))!);
        await storage.set(key, JSON.stringify({ ...kept, tokens: { en: token } }));
        expect(await offline.sync()).toMatchObject({ refetched: true, fullSync: true });
        await expectConverged();
        expect(
          (await offline.bundle()).content.en!.concepts.find((c) => c.slug === first)!.summary,
        ).toBe(`Token ${token.length}.`);
      }
    } finally {
      await done();
      await server.close();
    }
  });
});
