import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultSeedDir } from '../../src/paths.js';

/** The course's lesson, whose copies make a seed of big lessons. */
export const COURSE_LESSON = 'introduction-to-llms';

/** The slug of copy `index` of the course's lesson. */
export function lessonCopySlug(index: number): string {
  return `${COURSE_LESSON}-copy-${index}`;
}

/**
 * A copy of the shipped seed in a new temp directory (the caller removes it) with `copies` more
 * lessons: each the course's lesson (both languages, about 60 KB stored) under its own slug and
 * number, with the lesson's translation records, so every copy imports CURRENT like the original.
 */
export async function seedWithLessonCopies(copies: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lesson-copies-'));
  await cp(defaultSeedDir(), dir, { recursive: true });
  const lessons = join(dir, 'lessons');
  const meta = parse(await readFile(join(lessons, `${COURSE_LESSON}.yaml`), 'utf8'));
  const recordsFile = join(dir, 'translations', 'lessons.yaml');
  const records = parse(await readFile(recordsFile, 'utf8'));
  for (let i = 1; i <= copies; i++) {
    const slug = lessonCopySlug(i);
    for (const locale of ['ko', 'en']) {
      await cp(
        join(lessons, `${COURSE_LESSON}.${locale}.md`),
        join(lessons, `${slug}.${locale}.md`),
      );
    }
    const copy = {
      ...meta,
      slug,
      number: 100 + i,
      markdown: { ko: `${slug}.ko.md`, en: `${slug}.en.md` },
    };
    await writeFile(join(lessons, `${slug}.yaml`), stringify(copy));
    records[slug] = structuredClone(records[COURSE_LESSON]);
  }
  await writeFile(recordsFile, stringify(records));
  return dir;
}
