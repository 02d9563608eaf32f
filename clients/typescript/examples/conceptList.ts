// The README's "A typed client" web example, run by tests/client/readmeClient.test.ts: the text
// between the README markers is quoted in README.md verbatim (the test checks it).
import { ConceptsDocument, createClient } from '../src/index.js';

/** The items of a concept list on a web page: one category's concepts, in the reader's locale. */
export async function conceptListItems(apiUrl: string, category: string): Promise<string[]> {
  // README:start
  const client = createClient({ url: apiUrl, locale: 'en' });
  const { concepts } = await client.graphql(ConceptsDocument, { category, first: 20 });
  // Typed from schema.graphql: `term` is a string, `pageInfo.endCursor` a string or null.
  const items = concepts.edges.map(({ node }) => `${node.term}: ${node.summary}`);
  // README:end
  return items;
}
