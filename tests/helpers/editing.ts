import { graphql, type GraphQLAnswer } from './httpServer.js';
import { AS } from './tokens.js';

/** A new draft concept's input (valid, with English everywhere). */
export function draftInput(slug: string, category = 'fundamentals') {
  return {
    slug,
    category,
    term: { ko: `${slug} 용어`, en: `${slug} term` },
    summary: { ko: '한 문장 요약.', en: 'A one-sentence summary.' },
    definition: { ko: '정의.', en: 'A definition.' },
    aliases: [slug.toUpperCase()],
  };
}

/** Runs a GraphQL operation as a viewer. */
export function as(
  viewer: keyof typeof AS,
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLAnswer<any>> {
  return graphql<any>(url, query, variables, AS[viewer]);
}

/** The error code of a GraphQL answer, or "ok". */
export function outcome(answer: GraphQLAnswer<any>): string {
  return (answer.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok';
}

/** Creates a draft as admin; returns its version. */
export async function createDraft(url: string, slug: string): Promise<number> {
  const answer = await as(
    'admin',
    url,
    'mutation($i: ConceptInput!) { createConcept(input: $i) { version } }',
    {
      i: draftInput(slug),
    },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data.createConcept.version as number;
}

/** The current version of a concept, read as admin (drafts included). */
export async function versionOf(url: string, slug: string): Promise<number> {
  const answer = await as('admin', url, 'query($s: ID!) { concept(slug: $s) { version } }', {
    s: slug,
  });
  return answer.data.concept.version as number;
}

/**
 * The content revision /healthz reports to an admin, or to an anonymous caller (who is shown
 * the public revision, which drafts do not move; the only kind an API without tokens has).
 */
export async function revisionOf(
  url: string,
  viewer: 'admin' | 'anonymous' = 'admin',
): Promise<number> {
  const response = await fetch(`${url}/healthz`, { headers: AS[viewer] });
  return ((await response.json()) as { content: { rev: number } }).content.rev;
}

/** Changes a concept's summary as admin, naming the version it expects; returns the answer. */
export function editSummary(
  url: string,
  slug: string,
  expectedVersion: number,
  summary: { ko: string; en: string },
): Promise<GraphQLAnswer<any>> {
  return as(
    'admin',
    url,
    'mutation($s: ID!, $v: Int!, $p: ConceptPatch!) { updateConcept(slug: $s, expectedVersion: $v, patch: $p) { version } }',
    { s: slug, v: expectedVersion, p: { summary } },
  );
}
