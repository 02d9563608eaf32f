import { request, type ServedFunction } from './httpServer.js';
import { as } from './editing.js';

type Json = Record<string, any>;
type Copy = Record<
  'categories' | 'concepts' | 'relations' | 'comparisons' | 'lessons',
  Map<string, Json>
>;

const COLLECTION_OF: Record<string, keyof Copy> = {
  category: 'categories',
  concept: 'concepts',
  relation: 'relations',
  comparison: 'comparisons',
  lesson: 'lessons',
};
const idOf = (collection: keyof Copy, doc: Json): string =>
  collection === 'relations' ? doc.id : doc.slug;

/** A mobile client's offline copy, kept by applying sync pages. */
export function emptyCopy(): Copy {
  return {
    categories: new Map(),
    concepts: new Map(),
    relations: new Map(),
    comparisons: new Map(),
    lessons: new Map(),
  };
}

/** Applies one page of changes to a copy. */
export function applyPage(copy: Copy, page: Json): void {
  for (const collection of Object.keys(copy) as (keyof Copy)[]) {
    for (const doc of page[collection] as Json[]) copy[collection].set(idOf(collection, doc), doc);
  }
  for (const gone of page.deleted as { type: string; id: string }[])
    copy[COLLECTION_OF[gone.type]!].delete(gone.id);
}

/** The copy as plain sorted data, for comparing two copies. */
export function copyContent(copy: Copy): Json {
  return Object.fromEntries(
    Object.entries(copy).map(([k, v]) => [
      k,
      Object.fromEntries([...v.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    ]),
  );
}

/**
 * Syncs from a token (or from scratch) page by page, in one locale (English unless told);
 * returns the pages and the final token.
 */
export async function syncAll(
  server: ServedFunction,
  since: string | null,
  pageSize = 7,
  locale: 'ko' | 'en' = 'en',
): Promise<{ pages: Json[]; token: string }> {
  const pages: Json[] = [];
  let token = since;
  for (let guard = 0; guard < 200; guard++) {
    const query = new URLSearchParams({
      first: String(pageSize),
      locale,
      ...(token ? { since: token } : {}),
    });
    const answer = await request(`${server.url}/v1/sync?${query.toString()}`);
    if (answer.status !== 200) throw new Error(`sync failed: ${answer.status} ${answer.text}`);
    const page = answer.json as Json;
    pages.push(page);
    token = page.token;
    if (!page.hasMore) return { pages, token: page.token };
  }
  throw new Error('sync did not finish');
}

/** What a run of pages upserted and deleted, by kind. */
export function summary(pages: Json[]): Json {
  const all = (key: string) => pages.flatMap((p) => p[key] as Json[]);
  return {
    categories: all('categories').map((d) => d.slug),
    concepts: all('concepts').map((d) => d.slug),
    relations: all('relations').map((d) => d.id),
    comparisons: all('comparisons').map((d) => d.slug),
    lessons: all('lessons').map((d) => d.slug),
    deleted: all('deleted')
      .map((d) => `${d.type}:${d.id}`)
      .sort(),
  };
}

/** A copy made from one full sync in a single page: the reference "fresh full fetch". */
export async function freshCopy(server: ServedFunction): Promise<Copy> {
  const copy = emptyCopy();
  const { pages } = await syncAll(server, null, 1000);
  pages.forEach((page) => applyPage(copy, page));
  return copy;
}

/** Publishes a new concept without relations (as admin). */
export async function publishedConcept(server: ServedFunction, slug: string): Promise<void> {
  const created = await as(
    'admin',
    server.url,
    'mutation($i: ConceptInput!) { createConcept(input: $i) { version } }',
    {
      i: {
        slug,
        category: 'fundamentals',
        term: { ko: '임시 개념', en: 'Temporary concept' },
        summary: { ko: '요약', en: 'Summary' },
        definition: { ko: '정의', en: 'Definition' },
      },
    },
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  await as(
    'admin',
    server.url,
    `mutation { publishConcept(slug: "${slug}", expectedVersion: 1) { status } }`,
  );
}
