// The client's manifest as a deployment's trusted documents: with PERSISTED_DOCUMENTS_ONLY and
// the default manifest (clients/typescript/persisted-documents.json, which ships with the
// deployable), every operation of the typed client runs for anonymous callers, by hash after
// the first time, and a document the client does not have is refused.
import {
  ChangesDocument,
  ConceptDocument,
  ConceptsDocument,
  createClient,
  LessonBundleDocument,
  LessonDocument,
  SearchDocument,
} from '../../clients/typescript/src/index.js';
import { serveApi } from '../helpers/httpServer.js';

let server: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  server = await serveApi({ PERSISTED_DOCUMENTS_ONLY: 'true' });
});
afterAll(() => server.close());

describe("a deployment that trusts only the client's documents", () => {
  it('runs every operation of the typed client for anonymous callers', async () => {
    const client = createClient({ url: server.url, locale: 'en' });
    const { concept } = await client.graphql(ConceptDocument, { slug: 'transformer' });
    expect(concept?.slug).toBe('transformer');
    const page = await client.graphql(ConceptsDocument, { first: 2 });
    expect(page.concepts.edges).toHaveLength(2);
    const hits = await client.graphql(SearchDocument, { query: '트랜스포머', first: 1 });
    expect(hits.search).toHaveLength(1);
    const { lesson } = await client.graphql(LessonDocument, { slug: 'introduction-to-llms' });
    expect(lesson?.slug).toBe('introduction-to-llms');
    const bundle = await client.graphql(LessonBundleDocument, { slug: 'introduction-to-llms' });
    expect(bundle.lessonBundle).not.toBeNull();
    const changes = await client.graphql(ChangesDocument, {});
    expect(changes.changes.concepts.length).toBeGreaterThan(0);
  });

  it('refuses a document the client does not have', async () => {
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ glossary { initial } }' }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('PERSISTED_DOCUMENT_REQUIRED');
  });
});
