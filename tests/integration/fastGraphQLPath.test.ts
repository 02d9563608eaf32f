// The fast GraphQL path changes no answer: the README's examples and a corpus of queries go to
// two instances of the real function over HTTP, one with Apollo's pipeline for every request
// (GRAPHQL_EXECUTION=stock) and one with the fast path (the default), and every answer's status,
// header lines in their order (Date and the connection's aside) and body bytes must be the same.
// The corpus also says who answers each request on the fast instance (the fast path at the
// process's door, the fast path behind Express, Apollo, or a refusal before GraphQL), so the
// comparison is known to cover each; with the response cache on, the door's answers are kept
// and served again, and the request log's lines are the same too.
import { jest } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingHttpHeaders } from 'node:http';
import { FastGraphQLServer } from '../../src/graphql/fastPath/fastGraphQLServer.js';
import { defaultSeedDir } from '../../src/paths.js';
import { bundleToWrites } from '../../src/seed/bundleToWrites.js';
import { loadSeedDirectory } from '../../src/seed/loadSeed.js';
import { createLogger, useLogger, type Logger } from '../../src/observability/logger.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { serveApi } from '../helpers/httpServer.js';
import { sendRaw, type RawAnswer } from '../helpers/rawHttp.js';
import { readmeExamples, toRequest } from '../helpers/readmeExamples.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';
import { waitForLines } from '../helpers/waitForLines.js';

type Served = Awaited<ReturnType<typeof serveApi>>;

/**
 * Who answers a request on the fast instance (once Apollo knows its document): the fast path at
 * the process's door (graphqlFrontDoor), the fast path behind Express (FastGraphQLServer, for
 * what the door leaves to the app), Apollo's pipeline, or the app before GraphQL (a refusal).
 */
type AnsweredBy = 'door' | 'fast' | 'apollo' | 'refused';

/** One request of the corpus, and who answers it on the fast instance. */
interface Sample {
  name: string;
  by: AnsweredBy;
  method?: 'GET' | 'POST' | 'PUT';
  /** Instead of /graphql. */
  path?: string;
  /** The exact body to send instead of the JSON of query, variables, … */
  body?: string | Buffer;
  /** Revalidate: send the ETag of the answer as If-None-Match (a 304 for a GET). */
  revalidate?: boolean;
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
  {
    name: 'two deep',
    by: 'door',
    query: TWO_DEEP,
    variables: { slug: 'large-language-model' },
  },
  {
    name: 'two deep, English by Accept-Language',
    by: 'door',
    query: TWO_DEEP,
    variables: { slug: 'large-language-model' },
    headers: { 'accept-language': 'en' },
  },
  {
    name: 'every concept field, fragments, Korean',
    by: 'door',
    query: `${CONCEPT_FIELDS} query { concept(slug: "transformer") { ...ConceptFields } }`,
  },
  {
    name: 'every concept field, English (fallbacks and outdated listed)',
    by: 'door',
    query: `${CONCEPT_FIELDS} query { a: concept(slug: "transformer", locale: EN) { ...ConceptFields }
      b: concept(slug: "fine-tuning", locale: EN) { ...ConceptFields } }`,
  },
  {
    name: 'aliases, inline fragments, merged fields, __typename',
    by: 'door',
    query: `{ first: concept(slug: "encoder") { __typename slug ... on Concept { term slug }
      relations(direction: OUTGOING) { kind } relations(direction: OUTGOING) { label } }
      missing: concept(slug: "no-such-concept") { slug } }`,
  },
  {
    name: 'concepts, paged with a variable cursor',
    by: 'door',
    query: `query Page($after: String, $first: Int) { concepts(first: $first, after: $after, locale: EN) {
      totalCount edges { cursor node { slug term category { slug } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    variables: { first: 7, after: null },
  },
  {
    name: '50 concepts with relations',
    by: 'door',
    query: `{ concepts(first: 50) { totalCount edges { node { slug term summary category { slug name }
      relations { kind label concept { slug term } } } } } }`,
  },
  {
    name: 'related by depth, relations by kind',
    by: 'door',
    query: `query($kinds: [RelationKind!]) { concept(slug: "fine-tuning", locale: EN) {
      related(depth: 2) { slug } relations(kinds: $kinds, direction: BOTH) { id kind note source { lesson { slug } } } } }`,
    variables: { kinds: ['IS_A', 'CONTRASTS_WITH'] },
  },
  {
    name: 'search, Korean particles',
    by: 'door',
    query: `{ search(query: "트랜스포머는", first: 5) { score field snippet concept { slug term } } }`,
  },
  {
    name: 'search, English',
    by: 'door',
    query: `query S($q: String!) { search(query: $q, locale: EN) { field concept { slug } } }`,
    variables: { q: 'fine tuning' },
  },
  {
    name: 'lesson, Korean',
    by: 'door',
    query: LESSON,
    variables: { slug: 'introduction-to-llms' },
  },
  {
    name: 'lesson, English',
    by: 'door',
    query: LESSON,
    variables: { slug: 'introduction-to-llms', locale: 'EN' },
  },
  {
    name: 'lessons, categories, glossary, relation kinds',
    by: 'door',
    query: `{ lessons(locale: EN) { slug number title } categories { slug name concepts { slug } }
      glossary(locale: EN) { initial entries { slug } } relationKinds { kind label inverseLabel symmetric } }`,
  },
  {
    name: 'comparisons and a path',
    by: 'door',
    query: `{ comparisons(locale: EN) { slug title rows { key cells { text } } }
      compare(slugs: ["fine-tuning", "parameter-efficient-tuning"]) { title rows { key } }
      path(from: "encoder", to: "chatbot") { from { slug } kind label to { slug } } }`,
  },
  {
    name: 'lesson bundle',
    by: 'door',
    query: `{ lessonBundle(slug: "introduction-to-llms", locales: [KO, EN]) { slug locales rev contentHash syncToken content } }`,
  },
  {
    name: 'changes, a full sync page',
    by: 'door',
    query: `{ changes(first: 5, locale: EN) { token hasMore concepts { slug } relations { id } deleted { type slug } } }`,
  },
  {
    name: 'two operations, one chosen by name',
    by: 'door',
    query: `query A { concept(slug: "encoder") { term } } query B { concept(slug: "decoder") { term } }`,
    operationName: 'B',
  },
  {
    name: 'GET with a preflight header',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'transformer' },
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'Accept asking for graphql-response+json',
    by: 'door',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { accept: 'application/graphql-response+json, application/json;q=0.9' },
  },
  {
    name: 'compressed',
    by: 'door',
    query: TWO_DEEP,
    variables: { slug: 'encoder' },
    headers: { 'accept-encoding': 'br, gzip' },
  },
  {
    name: 'preview: an editor sees drafts, privately',
    by: 'door',
    query: `{ concept(slug: "transformer") { slug status version updatedBy } concepts(first: 3) { totalCount } }`,
    headers: AS.editor,
  },
  {
    name: 'a conditional field (not compiled: graphql-js runs it)',
    by: 'door',
    query: 'query($x: Boolean!) { concept(slug: "encoder") { slug term @include(if: $x) } }',
    variables: { x: false },
  },
  // Left to Apollo.
  {
    name: 'a private field (viewer)',
    by: 'apollo',
    query: '{ viewer { role permissions } concept(slug: "encoder") { slug } }',
    headers: AS.editor,
  },
  {
    name: 'a private field (translation state)',
    by: 'apollo',
    query: '{ concept(slug: "encoder") { translation { state } } }',
    headers: AS.editor,
  },
  {
    name: 'an error in a resolver (depth out of range)',
    by: 'apollo',
    query: '{ concept(slug: "encoder") { related(depth: 9) { slug } } }',
  },
  {
    name: 'a bad variable',
    by: 'apollo',
    query: TWO_DEEP,
    variables: { slug: null },
  },
  {
    name: 'a missing variable',
    by: 'apollo',
    query: TWO_DEEP,
  },
  {
    name: 'a search too short',
    by: 'apollo',
    query: '{ search(query: "") { concept { slug } } }',
  },
  {
    name: 'an unknown operation name',
    by: 'apollo',
    query: 'query A { concept(slug: "encoder") { term } }',
    operationName: 'Nope',
  },
  {
    name: 'an ambiguous operation',
    by: 'apollo',
    query: `query A { concept(slug: "encoder") { term } } query B { concept(slug: "decoder") { term } }`,
  },
  {
    name: 'an invalid document',
    by: 'apollo',
    query: '{ concept(slug: "encoder") { nope } }',
  },
  {
    name: 'a query over the cost limit',
    by: 'apollo',
    query:
      '{ concepts(first: 100) { edges { node { related(depth: 3) { related(depth: 3) { related(depth: 3) { slug } } } } } } }',
  },
  {
    name: 'introspection',
    by: 'apollo',
    query: '{ __schema { queryType { name } } }',
  },
  {
    name: 'a GET without the preflight header (CSRF)',
    by: 'apollo',
    method: 'GET',
    query: '{ concept(slug: "encoder") { slug } }',
  },
  {
    name: 'an Accept nothing matches',
    by: 'apollo',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { accept: 'text/html' },
  },
  {
    name: 'a persisted query registered',
    by: 'apollo',
    query: TWO_DEEP,
    variables: { slug: 'transformer' },
    extensions: persisted(TWO_DEEP),
  },
  {
    name: 'a persisted query by its hash, POST',
    by: 'door',
    query: TWO_DEEP,
    hashOnly: true,
    variables: { slug: 'transformer' },
    extensions: persisted(TWO_DEEP),
  },
  {
    name: 'a persisted query by its hash, GET',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    hashOnly: true,
    variables: { slug: 'decoder' },
    extensions: persisted(TWO_DEEP),
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'an unknown persisted query',
    by: 'apollo',
    query: '{ concept(slug: "encoder") { term } }',
    hashOnly: true,
    extensions: persisted('{ concept(slug: "encoder") { term } }'),
  },
  {
    name: 'a persisted query version 2',
    by: 'apollo',
    query: TWO_DEEP,
    hashOnly: true,
    variables: { slug: 'transformer' },
    extensions: { persistedQuery: { ...persisted(TWO_DEEP).persistedQuery, version: 2 } },
  },
  {
    name: 'a bad token',
    by: 'apollo',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { authorization: 'Bearer llmc_nope' },
  },
  // The door's edges: what it answers, and what it leaves to the app exactly as it was.
  {
    name: 'GET with a token',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'encoder' },
    headers: { ...AS.editor, 'x-apollo-operation-name': 'ConceptTwoDeep' },
  },
  {
    name: 'GET revalidated: a 304',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'decoder' },
    headers: { 'apollo-require-preflight': 'true' },
    revalidate: true,
  },
  {
    name: 'GET with a token revalidated with no-cache: a 304',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'decoder' },
    headers: { ...AS.admin, 'apollo-require-preflight': 'true', 'cache-control': 'no-cache' },
    revalidate: true,
  },
  {
    name: 'GET with another ETag',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'decoder' },
    headers: { 'apollo-require-preflight': 'true', 'if-none-match': '"1-nope", W/"x"' },
  },
  {
    name: 'POST revalidated: no 304 for a POST',
    by: 'door',
    query: TWO_DEEP,
    variables: { slug: 'decoder' },
    revalidate: true,
  },
  {
    name: 'GET compressed with gzip, from an Origin',
    by: 'door',
    method: 'GET',
    query: TWO_DEEP,
    variables: { slug: 'attention' },
    headers: {
      'apollo-require-preflight': 'true',
      'accept-encoding': 'gzip',
      origin: 'https://a.example',
    },
  },
  {
    name: 'compressed with deflate, with a token',
    by: 'door',
    query: TWO_DEEP,
    variables: { slug: 'attention' },
    headers: { ...AS.editor, 'accept-encoding': 'deflate, identity;q=0.5' },
  },
  {
    name: 'a small answer, Accept-Encoding below the threshold',
    by: 'door',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { 'accept-encoding': 'br, gzip, deflate' },
  },
  {
    name: 'Accept asking for the JSONP-free callbackSpec',
    by: 'door',
    query: '{ concept(slug: "decoder") { slug } }',
    headers: { accept: 'application/json; callbackSpec=1.0' },
  },
  {
    name: 'a JSON Content-Type with a charset and odd case',
    by: 'door',
    query: '{ concept(slug: "decoder") { term } }',
    headers: { 'content-type': 'Application/JSON; Charset=UTF-8' },
  },
  {
    name: 'a gzip-compressed body',
    by: 'door',
    query: TWO_DEEP,
    body: gzipSync(
      JSON.stringify({ query: TWO_DEEP, variables: { slug: 'large-language-model' } }),
    ),
    headers: { 'content-encoding': 'gzip' },
  },
  {
    name: 'a body over the anonymous limit, with a writer token',
    by: 'door',
    query: TWO_DEEP,
    body: JSON.stringify({ query: TWO_DEEP, variables: { slug: 'encoder' } }) + ' '.repeat(120_000),
    headers: AS.editor,
  },
  {
    name: 'a body over the anonymous limit',
    by: 'refused',
    query: TWO_DEEP,
    body: JSON.stringify({ query: TWO_DEEP, variables: { slug: 'encoder' } }) + ' '.repeat(120_000),
  },
  {
    name: 'a body over the limit with a bad token',
    by: 'refused',
    query: TWO_DEEP,
    body: JSON.stringify({ query: TWO_DEEP, variables: { slug: 'encoder' } }) + ' '.repeat(120_000),
    headers: { authorization: 'Bearer llmc_nope' },
  },
  {
    name: 'a malformed JSON body',
    by: 'refused',
    query: TWO_DEEP,
    body: '{"query": "{ concept(slug: \\"encoder\\") { slug } }", ',
  },
  {
    name: 'a repeated key',
    by: 'refused',
    query: TWO_DEEP,
    body: '{"query": "{ concept(slug: \\"encoder\\") { slug } }", "query": "{ __typename }"}',
  },
  {
    name: 'a batch',
    by: 'refused',
    query: TWO_DEEP,
    body: JSON.stringify([{ query: '{ concept(slug: "encoder") { slug } }' }]),
  },
  {
    name: 'a JSON string body',
    by: 'refused',
    query: TWO_DEEP,
    body: JSON.stringify('{ concept(slug: "encoder") { slug } }'),
  },
  {
    name: 'an empty JSON object',
    by: 'apollo',
    query: TWO_DEEP,
    body: '{}',
  },
  {
    name: 'a text/plain body',
    by: 'refused',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { 'content-type': 'text/plain' },
  },
  {
    name: 'a Content-Type with an empty parameter',
    by: 'door',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { 'content-type': 'application/json;;' },
  },
  {
    name: 'a JSON-like Content-Type',
    by: 'refused',
    query: '{ concept(slug: "encoder") { slug } }',
    headers: { 'content-type': 'application/graphql-response+json' },
  },
  {
    name: 'too many tokens',
    by: 'refused',
    query: `{ ${'a '.repeat(3001)}}`,
  },
  {
    name: 'a GET of too many tokens',
    by: 'refused',
    method: 'GET',
    query: `{ ${'a '.repeat(3001)}}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'PUT',
    by: 'refused',
    method: 'PUT',
    query: '{ concept(slug: "encoder") { slug } }',
  },
  {
    name: 'another path to the same route',
    by: 'fast',
    path: '/graphql/',
    query: '{ concept(slug: "encoder") { slug } }',
  },
];

async function send(served: Served, sample: Omit<Sample, 'by'>): Promise<RawAnswer> {
  const { method = 'POST', variables, operationName, extensions, path = '/graphql' } = sample;
  const query = sample.hashOnly ? undefined : sample.query;
  const headers = { ...sample.headers };
  if (sample.revalidate) {
    const etag = (await send(served, { ...sample, revalidate: false })).headers.etag;
    expect(etag).toBeDefined();
    headers['if-none-match'] = etag!;
  }
  if (method === 'GET') {
    const params = new URLSearchParams();
    if (query !== undefined) params.set('query', query);
    if (variables) params.set('variables', JSON.stringify(variables));
    if (operationName) params.set('operationName', operationName);
    if (extensions) params.set('extensions', JSON.stringify(extensions));
    return sendRaw(`${served.url}${path}?${params.toString()}`, 'GET', headers);
  }
  const body = sample.body ?? JSON.stringify({ query, variables, operationName, extensions });
  return sendRaw(
    `${served.url}${path}`,
    method,
    { 'content-type': 'application/json', ...headers },
    body,
  );
}

// What must be the same: status, every header but those of the moment and the connection, body.
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive']);
function wire(answer: RawAnswer): {
  status: number;
  headers: IncomingHttpHeaders;
  /** The header lines as sent: names in their case and order, with their values. */
  lines: string[];
  body: string;
} {
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(([name]) => !PER_RESPONSE.has(name)),
  );
  const lines: string[] = [];
  for (let index = 0; index < answer.rawHeaders.length; index += 2) {
    const name = answer.rawHeaders[index]!;
    if (!PER_RESPONSE.has(name.toLowerCase()))
      lines.push(`${name}: ${answer.rawHeaders[index + 1]}`);
  }
  return { status: answer.status, headers, lines, body: answer.body.toString('base64') };
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
  // The header lines' names, in their order (their values hold the ETag and length).
  const names = wire(answer).lines.map((line) => line.split(':', 1)[0]);
  return { status: answer.status, headers, names, text };
}

// Calls on the fast instance of the door's fast path (answerKnown), of the fast server behind
// Express, of Apollo's own request handling, and the fast path's executions (door and behind
// Express together): the spies pass every call through.
const known = jest.spyOn(FastGraphQLServer.prototype, 'answerKnown');
const behindExpress = jest.spyOn(FastGraphQLServer.prototype, 'executeHTTPGraphQLRequest');
const apollo = jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
const fastRuns = jest.spyOn(
  FastGraphQLServer.prototype as unknown as { run: () => unknown },
  'run',
);
const calls = () =>
  [known, behindExpress, apollo, fastRuns].map(
    (spy) => spy.mock.contexts.filter((server) => server instanceof FastGraphQLServer).length,
  );

// Who answered, from the calls one request made.
function answeredBy(before: number[], after: number[]): AnsweredBy {
  const [door, fast, pipeline] = after.map((count, index) => count - before[index]!);
  if (pipeline! > 0) return 'apollo';
  if (fast! > 0) return 'fast';
  return door! > 0 ? 'door' : 'refused';
}

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
      const taken: Record<string, AnsweredBy> = {};
      const expected: Record<string, AnsweredBy> = {};
      // How many times the fast path executed each request.
      const runs: Record<string, number> = {};
      for (const sample of CORPUS) {
        // The fast instance's first request of a document goes through Apollo, which validates it.
        const reference = { sample: sample.name, ...wire(await send(stock, sample)) };
        expect({ sample: sample.name, ...wire(await send(fast, sample)) }).toEqual(reference);
        const before = calls();
        const answer = wire(await send(fast, sample));
        const after = calls();
        taken[sample.name] = answeredBy(before, after);
        runs[sample.name] = after[3]! - before[3]!;
        expected[sample.name] = sample.by;
        expect({ sample: sample.name, ...answer }).toEqual(reference);
      }
      expect(taken).toEqual(expected);
      // A request the door ran and left to Apollo (its execution reported an error) is not run
      // again behind Express: no request is executed twice by the fast path (a revalidating
      // sample sends two: one for the ETag, then the conditional one).
      expect(runs['an error in a resolver (depth out of range)']).toBe(1);
      const requests = (sample: Sample) => (sample.revalidate ? 2 : 1);
      expect(CORPUS.filter((sample) => runs[sample.name]! > requests(sample))).toEqual([]);
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

describe('with the response cache, listed CORS origins and the request log', () => {
  // Each request's log line, without what differs from one instance or moment to the next.
  let lines: Record<string, unknown>[] = [];
  let previous: Logger;
  beforeAll(() => {
    previous = useLogger(
      createLogger('info', {
        write: (line: string) => {
          const {
            time: _time,
            httpRequest,
            message: _message,
            ...rest
          } = JSON.parse(line) as {
            time: string;
            message: string;
            httpRequest?: { latency?: string };
          };
          lines.push({ ...rest, httpRequest: { ...httpRequest, latency: undefined } });
        },
      }),
    );
  });
  afterAll(() => useLogger(previous));

  async function logged(served: Served, sample: Omit<Sample, 'by'>) {
    lines = [];
    const answer = wire(await send(served, sample));
    await waitForLines(() => lines);
    return { ...answer, log: lines };
  }

  it('answers at the door what the cache lacks, keeps it, and serves it again, as Apollo', async () => {
    const env = {
      NODE_ENV: 'production',
      API_TOKENS: TEST_API_TOKENS,
      CORS_ORIGINS: 'https://a.example,https://b.example',
    };
    const store = await seededStore();
    const [stock, fast] = await Promise.all([
      serveApi({ ...env, GRAPHQL_EXECUTION: 'stock' }, { store, relayEvents: false }),
      serveApi(env, { store, relayEvents: false }),
    ]);
    const a = { origin: 'https://a.example' };
    const b = { origin: 'https://b.example' };
    const preflight = { 'apollo-require-preflight': 'true' };
    const steps: (Omit<Sample, 'by'> & { by: AnsweredBy | 'cache' })[] = [
      // Apollo validates the document (and the answer is kept).
      { name: 'first', by: 'apollo', query: TWO_DEEP, variables: { slug: 'encoder' }, headers: a },
      // Another slug: not kept yet, answered at the door and kept.
      {
        name: 'miss',
        by: 'door',
        query: TWO_DEEP,
        variables: { slug: 'decoder' },
        headers: { ...b, 'accept-encoding': 'br' },
      },
      { name: 'hit', by: 'cache', query: TWO_DEEP, variables: { slug: 'decoder' }, headers: a },
      {
        name: 'GET miss',
        by: 'door',
        method: 'GET',
        query: TWO_DEEP,
        variables: { slug: 'attention' },
        headers: { ...preflight, ...a },
      },
      {
        name: 'GET hit, gzip',
        by: 'cache',
        method: 'GET',
        query: TWO_DEEP,
        variables: { slug: 'attention' },
        headers: { ...preflight, ...b, 'accept-encoding': 'gzip' },
      },
      {
        name: 'GET hit revalidated',
        by: 'cache',
        method: 'GET',
        query: TWO_DEEP,
        variables: { slug: 'attention' },
        headers: { ...preflight, ...a },
        revalidate: true,
      },
      {
        name: 'a token: never kept',
        by: 'door',
        query: TWO_DEEP,
        variables: { slug: 'decoder' },
        headers: { ...AS.editor, ...b },
      },
      {
        name: 'an origin not listed',
        by: 'door',
        query: TWO_DEEP,
        variables: { slug: 'transformer' },
        headers: { origin: 'https://c.example' },
      },
    ];
    try {
      for (const step of steps) {
        const reference = { step: step.name, ...(await logged(stock, step)) };
        // One line per request, saying what the cache did: the first request of an instance
        // loads the content (nothing to look up yet), a token's answer is never kept.
        const cache =
          step.by === 'cache'
            ? 'hit'
            : step.name === 'first' || step.headers?.authorization
              ? undefined
              : 'miss';
        expect({ step: step.name, cache: reference.log.map((line) => line.responseCache) }).toEqual(
          // A revalidation sends its request twice: for the ETag, then with it.
          { step: step.name, cache: step.revalidate ? [cache, cache] : [cache] },
        );
        const before = calls();
        const answer = { step: step.name, ...(await logged(fast, step)) };
        const by = answeredBy(before, calls());
        expect(answer).toEqual(reference);
        expect({ step: step.name, by: by === 'refused' ? 'cache' : by }).toEqual({
          step: step.name,
          by: step.by,
        });
      }
    } finally {
      await Promise.all([stock.close(), fast.close()]);
    }
  });
});
