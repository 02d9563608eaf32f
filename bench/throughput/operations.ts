import { createHash } from 'node:crypto';

/** One request the throughput benchmark sends, exactly as a client would. */
export interface BenchOperation {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Requests to send once before measuring (an APQ registration). */
  prepare?: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body: string };
}

const SLUG = 'large-language-model'; // the most connected concept: 12 relations

const CONCEPT_SCALARS = `query ConceptScalars($slug: ID!) {
  concept(slug: $slug) { slug term aliases summary definition examples limitations status version updatedAt locale }
}`;

const TWO_DEEP = `query ConceptTwoDeep($slug: ID!) {
  concept(slug: $slug) {
    slug term summary
    relations { id kind direction label concept {
      slug term summary
      relations { id kind direction label concept { slug term } }
    } }
  }
}`;

const FIFTY_WITH_RELATIONS = `query ConceptsWithRelations {
  concepts(first: 50) {
    totalCount
    edges { node { slug term summary category { slug name } relations { kind label concept { slug term } } } }
  }
}`;

const json = { 'content-type': 'application/json' };

function post(name: string, query: string, variables: Record<string, unknown>): BenchOperation {
  return {
    name,
    method: 'POST',
    path: '/graphql',
    headers: json,
    body: JSON.stringify({ query, variables }),
  };
}

/** The GET URL of a persisted query: the hash and variables only, no document. */
function persistedGet(query: string, variables: Record<string, unknown>): string {
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
  });
  return `/graphql?${params.toString()}`;
}

/** The operations of the throughput benchmark, in report order. */
export function benchOperations(): BenchOperation[] {
  const variables = { slug: SLUG };
  const apqPath = persistedGet(TWO_DEEP, variables);
  const sha256Hash = createHash('sha256').update(TWO_DEEP).digest('hex');
  return [
    post('GraphQL POST: concept scalars', CONCEPT_SCALARS, variables),
    post('GraphQL POST: concept, relations two deep', TWO_DEEP, variables),
    post('GraphQL POST: 50 concepts with relations', FIFTY_WITH_RELATIONS, {}),
    {
      name: 'REST GET: lesson bundle',
      method: 'GET',
      path: '/v1/lessons/introduction-to-llms/bundle',
      headers: {},
    },
    {
      name: 'REST GET: related two deep',
      method: 'GET',
      path: `/v1/concepts/${SLUG}/related?depth=2`,
      headers: {},
    },
    {
      name: 'APQ GET: concept, relations two deep',
      method: 'GET',
      path: apqPath,
      // Apollo's CSRF prevention wants a header a browser form cannot send.
      headers: { 'apollo-require-preflight': 'true' },
      prepare: {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({
          query: TWO_DEEP,
          variables,
          extensions: { persistedQuery: { version: 1, sha256Hash } },
        }),
      },
    },
  ];
}
