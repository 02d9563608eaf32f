// The content hash a lesson is served with (src/content/lessonContentHash.ts): per locale, it
// changes exactly when what that locale's readers see does, so a Korean-only edit leaves the
// English hash as it was.
import { lessonContentHash } from '../../src/content/lessonContentHash.js';
import { lessonSourceSchema, type Lesson, type LessonSource } from '../../src/domain/lesson.js';
import { buildLesson } from '../../src/markdown/buildLesson.js';

const KO = '## 가 {#a}\n\n본문은 [트랜스포머](concept:transformer)\n';
const EN = '## A {#a}\n\ntext on [transformers](concept:transformer)\n';

function lesson(ko: string, en?: string, overrides: Partial<LessonSource> = {}): Lesson {
  return buildLesson({
    ...lessonSourceSchema.parse({
      slug: 'test-lesson',
      title: { ko: '테스트 강의', en: 'Test lesson' },
      markdown: en === undefined ? { ko } : { ko, en },
    }),
    ...overrides,
  });
}

const hashes = (l: Lesson) => ({ ko: lessonContentHash(l, 'ko'), en: lessonContentHash(l, 'en') });

describe('lessonContentHash', () => {
  const original = hashes(lesson(KO, EN));

  it('is a SHA-256 per locale, the same for the same lesson, different between locales', () => {
    expect(original.ko).toMatch(/^[0-9a-f]{64}$/);
    expect(original.en).toMatch(/^[0-9a-f]{64}$/);
    expect(original.en).not.toBe(original.ko);
    expect(hashes(lesson(KO, EN))).toEqual(original);
  });

  it.each<[string, Lesson, { ko: boolean; en: boolean }]>([
    ['Korean text changed', lesson(KO.replace('본문은', '본문이'), EN), { ko: true, en: false }],
    [
      'the Korean title changed',
      lesson(KO, EN, { title: { ko: '다른', en: 'Test lesson' } }),
      { ko: true, en: false },
    ],
    ['English text changed', lesson(KO, EN.replace('text', 'Text')), { ko: false, en: true }],
    ['the English dropped (English readers get the Korean)', lesson(KO), { ko: false, en: true }],
    [
      'a concept linked in Korean only (concept lists are every locale’s)',
      lesson(`${KO}\n[인코더](concept:encoder)\n`, EN),
      { ko: true, en: true },
    ],
    ['the status changed', lesson(KO, EN, { status: 'DRAFT' }), { ko: true, en: true }],
    ['the number changed', lesson(KO, EN, { number: 7 }), { ko: true, en: true }],
  ])('%s: moves the hash of the locales whose readers see it', (_case, changed, moved) => {
    const after = hashes(changed);
    expect({ ko: after.ko !== original.ko, en: after.en !== original.en }).toEqual(moved);
  });

  it('marks a fallback: English equal to the Korean is not the Korean fallen back to', () => {
    expect(lessonContentHash(lesson(KO, KO), 'en')).not.toBe(lessonContentHash(lesson(KO), 'en'));
  });
});
