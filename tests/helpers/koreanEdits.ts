import { as } from './editing.js';

/**
 * Whether a Korean edit leaves the English current (`needsRetranslation: false`: what English
 * readers see stays as it was) or outdates it (an admin keeps it published with
 * `allowUntranslated`; English readers are then served an outdated translation, which changes
 * what they see).
 */
export type EnglishAfterEdit = 'kept current' | 'outdated';

const CHOICE: Record<EnglishAfterEdit, string> = {
  'kept current': 'needsRetranslation: false',
  outdated: 'allowUntranslated: true',
};

/** Replaces the Korean of a published concept's definition through the API, as an admin. */
export async function editKoreanDefinition(
  served: { url: string },
  slug: string,
  ko: string,
  english: EnglishAfterEdit,
): Promise<void> {
  const read = await as('admin', served.url, `{ concept(slug: "${slug}") { version } }`);
  const answer = await as(
    'admin',
    served.url,
    `mutation($s: ID!, $ko: String!, $v: Int!) { updateConcept(slug: $s, patch: { definition: { ko: $ko } }, expectedVersion: $v, ${CHOICE[english]}) { version } }`,
    { s: slug, ko, v: read.data.concept.version },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

/** Rewrites a lesson's Korean markdown (`rewrite` of it) through the API, as an admin. */
export async function editKoreanMarkdown(
  served: { url: string },
  slug: string,
  rewrite: (ko: string) => string,
  english: EnglishAfterEdit,
): Promise<void> {
  const read = await as(
    'admin',
    served.url,
    `{ lesson(slug: "${slug}", locale: KO) { version markdown } }`,
  );
  const { version, markdown } = read.data.lesson as { version: number; markdown: string };
  const answer = await as(
    'admin',
    served.url,
    `mutation($s: ID!, $m: String!, $v: Int!) { upsertLesson(slug: $s, markdown: $m, expectedVersion: $v, ${CHOICE[english]}) { version } }`,
    { s: slug, m: rewrite(markdown), v: version },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}
