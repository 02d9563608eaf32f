import type { Api } from '../../src/app.js';
import { withoutMeta } from '../../src/content/entries.js';
import type { Concept } from '../../src/domain/concept.js';
import type { Lesson } from '../../src/domain/lesson.js';
import { buildLesson } from '../../src/markdown/buildLesson.js';
import type { DocumentWrite } from '../../src/store/contentStore.js';

/**
 * Whether a Korean edit leaves the English current (`keepCurrent`: what English readers see
 * stays as it was) or outdates it (English readers are then served an outdated translation,
 * which changes what they see).
 */
export type EnglishAfterEdit = 'kept current' | 'outdated';

// Commits one write straight to the store behind a served API (no mutation says "keep the
// English current" yet) and has the instance serve it at once, as a mutation would.
async function commitAndServe(api: Api, write: DocumentWrite): Promise<void> {
  const runtime = await api.ready;
  const batch = await runtime.store.commit([write], { actor: 'admin:test' });
  await runtime.readModel.applyCommitted(batch);
}

/** Replaces the Korean of a published concept's definition, its English untouched. */
export async function editKoreanDefinition(
  api: Api,
  slug: string,
  ko: string,
  english: EnglishAfterEdit,
): Promise<void> {
  const snapshot = await (await api.ready).readModel.current();
  const entry = snapshot.documents.concepts.get(slug)!;
  const data: Concept = { ...withoutMeta(entry), definition: { ...entry.definition, ko } };
  await commitAndServe(api, {
    op: 'put',
    collection: 'concepts',
    id: slug,
    data,
    expectedVersion: entry.version,
    ...(english === 'kept current' ? { translation: { keepCurrent: true } } : {}),
  });
}

/** Rewrites a lesson's Korean markdown (`rewrite` of it), rebuilt as an edit would. */
export async function editKoreanMarkdown(
  api: Api,
  slug: string,
  rewrite: (ko: string) => string,
  english: EnglishAfterEdit,
): Promise<void> {
  const snapshot = await (await api.ready).readModel.current();
  const entry = snapshot.documents.lessons.get(slug)!;
  const { slug: id, number, title, summary, status, markdown } = withoutMeta(entry) as Lesson;
  const data = buildLesson({
    slug: id,
    number,
    title,
    status,
    markdown: { ...markdown, ko: rewrite(markdown.ko) },
    ...(summary ? { summary } : {}),
  });
  await commitAndServe(api, {
    op: 'put',
    collection: 'lessons',
    id: slug,
    data,
    expectedVersion: entry.version,
    ...(english === 'kept current' ? { translation: { keepCurrent: true } } : {}),
  });
}
