import { request } from './httpServer.js';
import { AS } from './tokens.js';

/** REST reads that cover every collection a start loads, lesson bodies and search included. */
export const START_GETS = [
  '/v1/concepts?limit=100',
  '/v1/concepts/transformer',
  '/v1/concepts/gemini/related',
  '/v1/lessons',
  '/v1/lessons/introduction-to-llms',
  '/v1/lessons/introduction-to-llms/bundle',
  '/v1/search?q=%ED%94%84%EB%A1%AC%ED%94%84%ED%8A%B8',
  '/v1/sync',
];

/** GraphQL queries reading every large text a start may defer, and the version history. */
export const START_QUERIES = [
  '{ concepts(first: 100, locale: EN) { edges { node { slug term summary definition details { title text } examples limitations analogies { domain text caveats mapping { source target } } } } } }',
  '{ lessons { slug title markdown sections { anchor level title markdown concepts { slug } } } }',
  '{ comparisons { slug title rows { label } } }',
  '{ search(query: "transformer", first: 20) { score concept { slug summary } } }',
  '{ conceptHistory(slug: "encoder") { version } }',
];

/**
 * Each answer as one line to compare between two starts of the API: a REST GET's path, status,
 * ETag and body (read in Korean), and a GraphQL query's text, status and body (sent as an admin,
 * so drafts and history are in it too).
 */
export async function recordedAnswers(
  url: string,
  gets: readonly string[],
  queries: readonly string[],
): Promise<string[]> {
  const lines: string[] = [];
  for (const path of gets) {
    const answer = await request(`${url}${path}`, { headers: { 'accept-language': 'ko' } });
    lines.push(`${path} ${answer.status} ${answer.headers.get('etag')} ${answer.text}`);
  }
  for (const query of queries) {
    const answer = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AS.admin },
      body: JSON.stringify({ query }),
    });
    lines.push(`${query} ${answer.status} ${answer.text}`);
  }
  return lines;
}
