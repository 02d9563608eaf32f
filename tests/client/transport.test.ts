// The typed client (clients/typescript) against the real function over HTTP: typed reads in
// both protocols, the locale, ETag revalidation, automatic persisted queries, retries on 503 and
// a ClientError subclass per error code.
import {
  BadInputError,
  ConceptDocument,
  ConceptsDocument,
  ChangesDocument,
  ConflictError,
  createClient,
  FullSyncRequiredError,
  LessonBundleDocument,
  LessonDocument,
  NotFoundError,
  SearchDocument,
  UnauthenticatedError,
  UnavailableError,
} from '../../clients/typescript/src/index.js';
import { TypedDocumentString } from '../../clients/typescript/src/gql/graphql.js';
import { sha256Hex } from '../../clients/typescript/src/persisted.js';
import { retryDelay } from '../../clients/typescript/src/retry.js';
import { createDraft } from '../helpers/editing.js';
import { serveApi } from '../helpers/httpServer.js';
import { ADMIN_TOKEN, TEST_API_TOKENS } from '../helpers/tokens.js';
import { countingFetch } from './countingFetch.js';
import { flakyProxy } from './flakyProxy.js';

let server: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  server = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterAll(() => server.close());

describe('typed reads', () => {
  it('reads every operation, typed, in the locale asked for', async () => {
    const client = createClient({ url: server.url, locale: 'en' });
    const { concept } = await client.graphql(ConceptDocument, { slug: 'transformer' });
    const page = await client.graphql(ConceptsDocument, { category: 'llm-types', first: 2 });
    const hits = await client.graphql(SearchDocument, { query: '트랜스퍼머', first: 1 });
    const { lesson } = await client.graphql(LessonDocument, { slug: 'introduction-to-llms' });
    const { lessonBundle } = await client.graphql(LessonBundleDocument, {
      slug: 'introduction-to-llms',
      locales: ['EN'],
    });
    const changes = await client.graphql(ChangesDocument, { first: 5 });
    expect({
      term: concept?.term,
      category: concept?.category.slug,
      totalCount: page.concepts.totalCount,
      firstSlug: page.concepts.edges[0]?.node.slug,
      hasNextPage: page.concepts.pageInfo.hasNextPage,
      hit: hits.search[0]?.concept.slug,
      lessonNumber: lesson?.number,
      lessonTitle: lesson?.title,
      bundleLocales: lessonBundle?.locales,
      changesPage: changes.changes.concepts.length,
      more: changes.changes.hasMore,
    }).toEqual({
      term: 'Transformer',
      category: expect.any(String),
      totalCount: 3,
      firstSlug: 'dialog-tuned-model',
      hasNextPage: true,
      hit: 'transformer',
      lessonNumber: 2,
      lessonTitle: 'Introduction to Large Language Models',
      bundleLocales: ['EN'],
      changesPage: expect.any(Number),
      more: true,
    });
  });

  it('asks in Korean without a locale, and the locale argument wins over the client locale', async () => {
    const korean = createClient({ url: server.url });
    const english = createClient({ url: server.url, locale: 'en' });
    const slug = 'parameter-efficient-tuning';
    expect((await korean.graphql(ConceptDocument, { slug }))?.concept?.term).toBe(
      '파라미터 효율적 튜닝 방법(PETM)',
    );
    expect((await english.graphql(ConceptDocument, { slug, locale: 'KO' }))?.concept?.term).toBe(
      '파라미터 효율적 튜닝 방법(PETM)',
    );
  });

  it('reads REST paths typed by the OpenAPI document', async () => {
    const client = createClient({ url: server.url });
    const concept = await client.get('/v1/concepts/{slug}', {
      path: { slug: 'transformer' },
      query: { locale: 'en' },
    });
    const list = await client.get('/v1/concepts', {
      query: { category: 'llm-types', limit: 1, locale: 'en' },
    });
    expect({ term: concept.term, first: list.items[0]?.slug, total: list.totalCount }).toEqual({
      term: 'Transformer',
      first: 'dialog-tuned-model',
      total: 3,
    });
  });
});

describe('revalidation', () => {
  it('answers a repeat GraphQL read from a 304, with the same data', async () => {
    const counter = countingFetch();
    const client = createClient({ url: server.url, locale: 'en', fetch: counter.fetch });
    const first = await client.graphql(ConceptDocument, { slug: 'encoder' });
    const before = counter.seen.length;
    const again = await client.graphql(ConceptDocument, { slug: 'encoder' });
    const repeat = counter.seen.slice(before);
    expect(again).toEqual(first);
    expect(repeat.map((r) => [r.status, r.headers['if-none-match'] !== undefined])).toEqual([
      [304, true],
    ]);
  });

  it('answers a repeat REST read from a 304', async () => {
    const counter = countingFetch();
    const client = createClient({ url: server.url, fetch: counter.fetch });
    const options = { path: { slug: 'introduction-to-llms' }, query: { locales: 'en' } };
    const first = await client.get('/v1/lessons/{slug}/bundle', options);
    const again = await client.get('/v1/lessons/{slug}/bundle', options);
    expect(again).toEqual(first);
    expect(counter.seen.map((r) => r.status)).toEqual([200, 304]);
  });
});

describe('automatic persisted queries', () => {
  it('sends the hash first and the document only once per API instance', async () => {
    const fresh = await serveApi({});
    try {
      const hash = await sha256Hex(SearchDocument.toString());
      const counter = countingFetch();
      const one = createClient({ url: fresh.url, fetch: counter.fetch });
      const other = createClient({ url: fresh.url, fetch: counter.fetch });
      await one.graphql(SearchDocument, { query: 'transformer', first: 1 });
      await one.graphql(SearchDocument, { query: 'encoder', first: 1 });
      await other.graphql(SearchDocument, { query: 'decoder', first: 1 });
      const sent = counter.seen.map((r) => {
        const params = new URL(r.url).searchParams;
        return {
          hash: JSON.parse(params.get('extensions')!).persistedQuery.sha256Hash,
          withDocument: params.has('query'),
        };
      });
      expect(sent).toEqual([
        { hash, withDocument: false },
        { hash, withDocument: true },
        { hash, withDocument: false },
        { hash, withDocument: false },
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('revalidates the first repeat after sending the document (a 304, not the answer again)', async () => {
    const fresh = await serveApi({});
    try {
      const counter = countingFetch();
      const client = createClient({ url: fresh.url, fetch: counter.fetch });
      const first = await client.graphql(ConceptDocument, { slug: 'encoder' });
      const again = await client.graphql(ConceptDocument, { slug: 'encoder' });
      expect(again).toEqual(first);
      expect(counter.seen.map((r) => [r.status, new URL(r.url).searchParams.has('query')])).toEqual(
        [
          [200, false],
          [200, true],
          [304, false],
        ],
      );
    } finally {
      await fresh.close();
    }
  });
});

describe('retries', () => {
  it('retries 503 answers and then succeeds', async () => {
    const proxy = await flakyProxy(server.url, 2, '0');
    try {
      const client = createClient({ url: proxy.url, retry: { baseDelayMs: 5 } });
      const { concept } = await client.graphql(ConceptDocument, { slug: 'encoder' });
      expect({ slug: concept?.slug, requests: proxy.received }).toEqual({
        slug: 'encoder',
        requests: 3,
      });
    } finally {
      await proxy.close();
    }
  });

  it('gives up after its retries with an UnavailableError', async () => {
    const proxy = await flakyProxy(server.url, 100);
    try {
      const client = createClient({ url: proxy.url, retry: { retries: 2, baseDelayMs: 5 } });
      const failure = client.graphql(ConceptDocument, { slug: 'encoder' });
      await expect(failure).rejects.toBeInstanceOf(UnavailableError);
      expect(proxy.received).toBe(3);
    } finally {
      await proxy.close();
    }
  });

  it('waits what Retry-After asks (seconds or a date), within its bound, else backs off', () => {
    const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 5000 };
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(retryDelay(policy, 0, '2', now)).toBe(2000);
    expect(retryDelay(policy, 0, 'Fri, 04 Dec 2026 12:00:03 GMT', now)).toBe(3000);
    expect(retryDelay(policy, 0, '60', now)).toBe(5000);
    const backoff = [0, 1, 2].map((attempt) => retryDelay(policy, attempt, null, now));
    backoff.forEach((ms, attempt) => {
      expect(ms).toBeGreaterThanOrEqual(50 * 2 ** attempt);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** attempt);
    });
  });
});

describe('typed errors', () => {
  it('throws a ClientError subclass per code, from GraphQL and REST', async () => {
    const anonymous = createClient({ url: server.url });
    const stranger = createClient({ url: server.url, token: 'llmc_not-a-known-token-000000000' });
    const caught = async (promise: Promise<unknown>) =>
      promise.then(
        () => 'no error',
        (error: Error & { code?: string }) => [error.constructor.name, error.code],
      );
    expect({
      badInput: await caught(anonymous.graphql(SearchDocument, { query: '' })),
      notFound: await caught(anonymous.get('/v1/concepts/{slug}', { path: { slug: 'nope' } })),
      unauthenticated: await caught(stranger.graphql(ConceptDocument, { slug: 'encoder' })),
      fullSync: await caught(anonymous.graphql(ChangesDocument, { since: 'garbage' })),
      fullSyncRest: await caught(anonymous.get('/v1/sync', { query: { since: 'garbage' } })),
    }).toEqual({
      badInput: ['BadInputError', 'BAD_USER_INPUT'],
      notFound: ['NotFoundError', 'NOT_FOUND'],
      unauthenticated: ['UnauthenticatedError', 'UNAUTHENTICATED'],
      fullSync: ['FullSyncRequiredError', 'FULL_SYNC_REQUIRED'],
      fullSyncRest: ['FullSyncRequiredError', 'FULL_SYNC_REQUIRED'],
    });
    await expect(anonymous.graphql(SearchDocument, { query: '' })).rejects.toBeInstanceOf(
      BadInputError,
    );
    await expect(
      anonymous.get('/v1/concepts/{slug}', { path: { slug: 'nope' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(stranger.graphql(ConceptDocument, { slug: 'encoder' })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await expect(anonymous.graphql(ChangesDocument, { since: 'garbage' })).rejects.toBeInstanceOf(
      FullSyncRequiredError,
    );
  });

  it('throws a ConflictError with the current version on a stale expectedVersion', async () => {
    await createDraft(server.url, 'client-conflict');
    const admin = createClient({ url: server.url, token: ADMIN_TOKEN });
    const update = new TypedDocumentString<
      { updateConcept: { version: number } },
      { slug: string; version: number }
    >(
      'mutation UpdateSummary($slug: ID!, $version: Int!) { updateConcept(slug: $slug, expectedVersion: $version, patch: { summary: { ko: "새 요약.", en: "A new summary." } }) { version } }',
    );
    const stale = admin.graphql(update, { slug: 'client-conflict', version: 99 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const saved = await admin.graphql(update, { slug: 'client-conflict', version: 1 });
    expect(saved.updateConcept.version).toBe(2);
  });
});
