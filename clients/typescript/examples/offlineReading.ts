// The README's "A typed client" mobile example, run by tests/client/readmeClient.test.ts: the
// text between the README markers is quoted in README.md verbatim (the test checks it).
import type { SyncStorage } from '../src/index.js';
import { createClient, OfflineLesson } from '../src/index.js';

/** A lesson read offline: its title and concepts in Korean, kept current whenever the app is online. */
export async function offlineLessonTitle(
  apiUrl: string,
  storage: SyncStorage,
  slug: string,
): Promise<{ title: string; concepts: string[] }> {
  // README:start
  const lesson = new OfflineLesson(createClient({ url: apiUrl }), storage, slug, ['ko']);
  await lesson.sync().catch(() => undefined); // offline: keep reading the kept copy
  const { lesson: text, concepts } = (await lesson.bundle()).content.ko!;
  // README:end
  return { title: text.title, concepts: concepts.map((concept) => concept.term) };
}
