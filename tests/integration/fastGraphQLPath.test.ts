// The fast GraphQL path changes no answer: the README's examples and a corpus of queries go to
// two instances of the real function over HTTP, one with Apollo's pipeline for every request
// (GRAPHQL_EXECUTION=stock) and one with the fast path (the default), and every answer's status,
// headers (Date and the connection's aside) and body bytes must be the same. The corpus also
// says which requests the fast path takes, so the comparison is known to cover it.
import { jest } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { FastGraphQLServer } from '../../src/graphql/fastPath/fastGraphQLServer.js';
import { defaultSeedDir } from '../../src/paths.js';
import { bundleToWrites } from '../../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { serveApi } from '../helpers/httpServer.js';
import { sendRaw, type RawAnswer } from '../helpers/rawHttp.js';
import { readmeExamples, toRequest } from '../helpers/readmeExamples.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

type Served = Awaited<ReturnType<typeof serveApi>>;

/** One request of the corpus, and whether the fast path answers it (else Apollo does). */
interface Sample {
  name: string;
  fast: boolean;
  method?: 'GET' | 'POST';
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
  /** Send the extensions without the document (a persisted query by its hash). */
  hashOnly?: boolean;
}

const persisted = (query: string) => ({
  persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') },
});

const TWO_DEEP = `query ConceptTwoDeep($slug: ID!) {
  concept(slug: $slug) {
    slug term summary
    relations { id kind direction label concept {
      slug term summary
      relations { id kind direction label concept { slug term } }
    } }
  }
}`;

const CONCEPT_FIELDS = `fragment ConceptFields on Concept {
  slug term aliases summary definition examples limitations status version updatedAt updatedBy locale
  category { slug name description }
  details { title text origin }
  analogies { domain text caveats mapping { source target concept { slug } } }
  media { type path alt available }
  sources { lesson { slug title } section { anchor title } }
  lessons { slug number title }
}`;

const LESSON = `query Lesson($slug: ID!, $locale: Locale) {
  lesson(slug: $slug, locale: $locale) {
    slug number title summary readingMinutes contentHash status version locale
    concepts { slug term }
    sections { anchor level title concepts { slug }
      blocks { type level ordered start language text
        spans { text marks href concept { slug term } }
        items { spans { text marks } blocks { type spans { text } } }
        table { align header { spans { text } } rows { cells { spans { text marks } } } }
        blocks { type spans { text } }
        image { path alt available }
      }
    }
  }
}`;

const CORPUS: Sample[] = [
  { name: 'two deep', fast: true, query: TWO_DEEP, variables: { slug: 'large-language-model' } },
  {
    name: 'two deep, English by Accept-Language',
    fast: true,
    query: TWO_DEEP,
    variables: { slug: 'large-language-model' },
    headers: { 'accept-language': 'en' },
  },
  {
    name: 'every concept field, fragments, Korean',
    fast: true,
    query: `${CONCEPT_FIELDS} query { concept(slug: "transformer") { ...ConceptFields } }`,
  },
  {
    name: 'every concept field, English (fallbacks and outdated listed)',
    fast: true,
    query: `${CONCEPT_FIELDS} query { a: concept(slug: "transformer", locale: EN) { ...ConceptFields }
      b: concept(slug: "fine-tuning", locale: EN) { ...ConceptFields } }`,
  },
  {
    name: 'aliases, inline fragments, merged fields, __typename',
    fast: true,
    query: `{ first: concept(slug: "encoder") { __typename slug ... on Concept { term slug }
      relations(direction: OUTGOING) { kind } relations(direction: OUTGOING) { label } }
      missing: concept(slug: "no-such-concept") { slug } }`,
  },
  {
    name: 'concepts, paged with a variable cursor',
    fast: true,
    query: `query Page($after: String, $first: Int) { concepts(first: $first, after: $after, locale: EN) {
      totalCount edges { cursor node { slug term category { slug } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    variables: { first: 7, after: null },
  },
  {
    name: '50 concepts with relations',
    fast: true,
    query: `{ concepts(first: 50) { totalCount edges { node { slug term summary category { slug name }
      relations { kind label concept { slug term } } } } } }`,
  },
  {
    name: 'related by depth, relations by kind',
    fast: true,
    query: `query($kinds: [RelationKind!]) { concept(slug: "fine-tuning", locale: EN) {
      related(depth: 2) { slug } relations(kinds: $kinds, direction: BOTH) { id kind note source { lesson { slug } } } } }`,
    variables: { kinds: ['IS_A', 'CONTRASTS_WITH'] },
  },
  {
    name: 'search, Korean particles',
    fast: true,
    query: `{ search(query: "트랜스포머는", first: 5) { score field snippet concept { slug term } } }`,
  },
  {
    name: 'search, English',
    fast: true,
    query: `query S($q: String!) { search(query: $q, locale: EN) { field concept { slug } } }`,
    variables: { q: 'fine tuning' },
  },
  {
    name: 'lesson, Korean',
    fast: true,
    query: LESSON,
    variables: { slug: 'introduction-to-llms' },
  },
  {
    name: 'lesson, English',
    fast: true,
    query: LESSON,
    variables: { slug: 'introduction-to-llms', locale: 'EN' },
  },
  {
    name: 'lessons, categories, glossary, relation kinds',
    fast: true,
    query: `{ lessons(locale: EN) { slug number title } categories { slug name concepts { slug } }
      glossary(locale: EN) { initial entries { slug } } relationKinds { kind label inverseLabel symmetric } }`,
  },
  {
    name: 'comparisons and a path',
    fast: true,
    query: `{ comparisons(locale: EN) { slug title rows { key cells { text } } }
      compare(slugs: ["fine-tuning", "parameter-efficient-tuning"]) { title rows { key } }
      path(from: "encoder", to: "chatbot") { from { slug } kind label to { slug } } }`,
  },
  {
    name: 'lesson bundle',
    fast: true,
    query: `{ lessonBundle(slug: "introduction-to-llms", locales: [KO, EN]) { slug locales rev contentHash syncToken content } }`,
  },
  {
    name: 'changes, a full sync page',
    fast: true,
    query: `{ changes(first: 5, locale: EN) { token hasMore concepts { slug } relations { id } deleted { type slug } } }`,
  },
  {
    name: 'two operations, one chosen by name',
    fast: true,
    query: `query A { concept(slug: "encoder") { term } } query B { concept(slug: "decoder") { term } }`,
    operationName: 'B',
  },
  {
    name: 'GET with a preflight header',
    fast: true,
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'transformer' },
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'Accept asking for graphql-response+json',
    fast: true,
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { accept: 'application/graphql-response+json, application/json;q=0.9' },
  },
  {
    name: 'compressed',
    fast: true,
    query: TWO_DEEP,
    variables: { slug: 'encoder' },
    headers: { 'accept-encoding': 'br, gzip' },
  },
  {
    name: 'preview: an editor sees drafts, privately',
    fast: true,
    query: `{ concept(slug: "transformer") { slug status version updatedBy } concepts(first: 3) { totalCount } }`,
    headers: AS.editor,
  },
  {
    name: 'a conditional field (not compiled: graphql-js runs it)',
    fast: true,
    query: 'query($x: Boolean!) { concept(slug: "encoder") { slug term @include(if: $x) } }',
    variables: { x: false },
  },
  // Left to Apollo.
  {
    name: 'a private field (viewer)',
    fast: false,
    query: '{ viewer { role permissions } concept(slug: "encoder") { slug } }',
    headers: AS.editor,
  },
  {
    name: 'a private field (translation state)',
    fast: false,
    query: '{ concept(slug: "encoder") { translation { state } } }',
    headers: AS.editor,
  },
  {
    name: 'an error in a resolver (depth out of range)',
    fast: false,
    query: '{ concept(slug: "encoder") { related(depth: 9) { slug } } }',
  },
  {
    name: 'a bad variable',
    fast: false,
    query: TWO_DEEP,
    variables: { slug: null },
  },
  {
    name: 'a missing variable',
    fast: false,
    query: TWO_DEEP,
  },
  {
    name: 'a search too short',
    fast: false,
    query: '{ search(query: "") { concept { slug } } }',
  },
  {
    name: 'an unknown operation name',
    fast: false,
    query: 'query A { concept(slug: "encoder") { term } }',
    operationName: 'Nope',
  },
  {
    name: 'an ambiguous operation',
    fast: false,
    query: `query A { concept(slug: "encoder") { term } } query B { concept(slug: "decoder") { term } }`,
  },
  {
    name: 'an invalid document',
    fast: false,
    query: '{ concept(slug: "encoder") { nope } }',
  },
  {
    name: 'a query over the cost limit',
    fast: false,
    query:
      '{ concepts(first: 100) { edges { node { related(depth: 3) { related(depth: 3) { related(depth: 3) { slug } } } } } } }',
  },
  {
    name: 'introspection',
    fast: false,
    query: '{ __schema { queryType { name } } }',
  },
  {
    name: 'a GET without the preflight header (CSRF)',
    fast: false,
    method: 'GET',
    query: '{ concept(slug: "encoder") { slug } }',
  },
  {
    name: 'an Accept nothing matches',
    fast: false,
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { accept: 'text/html' },
  },
  {
    name: 'a persisted query registered',
    fast: false,
    query: TWO_DEEP,
    variables: { slug: 'transformer' },
    extensions: persisted(TWO_DEEP),
  },
  {
    name: 'a persisted query by its hash, POST',
    fast: true,
    query: TWO_DEEP,
    hashOnly: true,
    variables: { slug: 'transformer' },
    extensions: persisted(TWO_DEEP),
  },
  {
    name: 'a persisted query by its hash, GET',
    fast: true,
    method: 'GET',
    query: TWO_DEEP,
    hashOnly: true,
    variables: { slug: 'decoder' },
    extensions: persisted(TWO_DEEP),
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'an unknown persisted query',
    fast: false,
    query: '{ concept(slug: "encoder") { term } }',
    hashOnly: true,
    extensions: persisted('{ concept(slug: "encoder") { term } }'),
  },
  {
    name: 'a persisted query version 2',
    fast: false,
    query: TWO_DEEP,
    hashOnly: true,
    variables: { slug: 'transformer' },
    extensions: { persistedQuery: { ...persisted(TWO_DEEP).persistedQuery, version: 2 } },
  },
  {
    name: 'a bad token',
    fast: false,
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { authorization: 'Bearer llmc_nope' },
  },
];

function send(served: Served, sample: Sample): Promise<RawAnswer> {
  const { method = 'POST', variables, operationName, extensions } = sample;
  const query = sample.hashOnly ? undefined : sample.query;
  const headers = { ...sample.headers };
  if (method === 'GET') {
    const params = new URLSearchParams();
    if (query !== undefined) params.set('query', query);
    if (variables) params.set('variables', JSON.stringify(variables));
    if (operationName) params.set('operationName', operationName);
    if (extensions) params.set('extensions', JSON.stringify(extensions));
    return sendRaw(`${served.url}/graphql?${params.toString()}`, 'GET', headers);
  }
  const body = JSON.stringify({ query, variables, operationName, extensions });
  return sendRaw(
    `${served.url}/graphql`,
    'POST',
    { 'content-type': 'application/json', ...headers },
    body,
  );
}

// What must be the same: status, every header but those of the moment and the connection, body.
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive']);
function wire(answer: RawAnswer): { status: number; headers: IncomingHttpHeaders; body: string } {
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !PER_RESPONSE.has(name)),
  );
  return { status: answer.status, headers, body: answer.body.toString('base64') };
}

// Mutations stamp their own time and webhooks get random ids and secrets on each instance:
// those aside, the README's answers (decompressed text) must be the same.
function normalized(answer: RawAnswer) {
  const text = answer.body
    .toString('utf8')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<timestamp>')
    .replace(/whsec_[A-Za-z0-9+/]{43}=/g, '<webhook secret>')
    .replace(/wh_[A-Za-z0-9_-]{16}/g, '<webhook id>');
  const { etag: _etag, 'content-length': _length, ...headers } = wire(answer).headers;
  return { status: answer.status, headers, text };
}

// Calls of Apollo's own request handling on the fast instance: the spy passes every call through.
const apollo = jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
const apolloCallsOnFast = () =>
  apollo.mock.contexts.filter((server) => server instanceof FastGraphQLServer).length;

// The seed stamps the time it was imported: instances that must answer the same bytes read
// one store.
async function seededStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.commit(bundleToWrites(await loadSeedDirectory(defaultSeedDir())));
  return store;
}

describe.each(['production', 'development'])('NODE_ENV=%s', (nodeEnv) => {
  const env = { NODE_ENV: nodeEnv, API_TOKENS: TEST_API_TOKENS, RESPONSE_CACHE_BYTES: '0' };

  it('answers the corpus byte for byte as Apollo does, from the fast path where it may', async () => {
    const store = await seededStore();
    const [stock, fast] = await Promise.all([
      serveApi({ ...env, GRAPHQL_EXECUTION: 'stock' }, { store, relayEvents: false }),
      serveApi(env, { store, relayEvents: false }),
    ]);
    try {
      const taken: Record<string, boolean> = {};
      const expected: Record<string, boolean> = {};
      for (const sample of CORPUS) {
        // The fast instance's first request of a document goes through Apollo, which validates it.
        const reference = { sample: sample.name, ...wire(await send(stock, sample)) };
        expect({ sample: sample.name, ...wire(await send(fast, sample)) }).toEqual(reference);
        const before = apolloCallsOnFast();
        const answer = wire(await send(fast, sample));
        taken[sample.name] = apolloCallsOnFast() === before;
        expected[sample.name] = sample.fast;
        expect({ sample: sample.name, ...answer }).toEqual(reference);
      }
      expect(taken).toEqual(expected);
    } finally {
      await Promise.all([stock.close(), fast.close()]);
    }
  });

  it('answers every README example as Apollo does, mutations and all, in order', async () => {
    const [stock, fast] = await Promise.all([
      serveApi({ ...env, GRAPHQL_EXECUTION: 'stock' }),
      serveApi(env),
    ]);
    try {
      for (const example of readmeExamples()) {
        const answers = await Promise.all(
          [stock, fast].map(async (served) => {
            const { url, init } = toRequest(example.command, served.url);
            const headers = init.headers as Record<string, string>;
            // Each example twice on both: the second is what the fast path answers once it
            // knows the document (a mutation's second run is refused, or changes nothing, alike).
            const first = await sendRaw(url, init.method!, headers, init.body as string);
            const second = await sendRaw(url, init.method!, headers, init.body as string);
            return [normalized(first), normalized(second)];
          }),
        );
        expect({ example: example.command, answers: answers[1] }).toEqual({
          example: example.command,
          answers: answers[0],
        });
      }
    } finally {
      await Promise.all([stock.close(), fast.close()]);
    }
  });
});
