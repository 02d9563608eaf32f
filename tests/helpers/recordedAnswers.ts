import { request } from './httpServer.js';
import { AS } from './tokens.js';

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
