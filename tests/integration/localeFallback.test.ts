// Missing translations fall back to Korean, and the response says which fields did, per path.
import { lessonSourceSchema } from '../../src/domain/lesson.js';
import { buildLesson } from '../../src/markdown/buildLesson.js';
import { bundle, category, concept, memoryStoreWith } from '../helpers/contentFixtures.js';
import { graphql, serveApi } from '../helpers/httpServer.js';

const lesson = buildLesson(
  lessonSourceSchema.parse({
    slug: 'only-korean',
    number: 1,
    title: { ko: '한국어만 있는 수업' },
    markdown: { ko: '## 첫 절 {#first}\n\n[번역 없음](concept:untranslated) 개념을 다룬다.\n' },
  }),
);

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  const store = await memoryStoreWith(
    bundle({
      categories: [category('k', 1)],
      concepts: [
        concept('untranslated', 'k', {
          term: { ko: '번역 없음' },
          summary: { ko: '요약', en: 'Summary' },
          examples: [{ ko: '예시 하나', en: 'One example' }, { ko: '예시 둘' }],
        }),
      ],
      lessons: [lesson],
    }),
  );
  served = await serveApi({}, { store });
});
afterAll(() => served.close());

describe('locale fallback', () => {
  it('serves Korean where English is missing and lists each such field by path', async () => {
    const answer = await graphql<any>(
      served.url,
      '{ concept(slug: "untranslated", locale: EN) { term summary examples locale } }',
    );
    expect(answer.data.concept).toEqual({
      term: '번역 없음',
      summary: 'Summary',
      examples: ['One example', '예시 둘'],
      locale: 'EN',
    });
    expect(answer.extensions?.locale).toEqual({
      total: 2,
      fallbacks: [
        { path: 'concept.term', requested: 'en', served: 'ko' },
        { path: 'concept.examples.1', requested: 'en', served: 'ko' },
      ],
    });
  });

  it('reports nothing when the requested locale is the source', async () => {
    const answer = await graphql<any>(
      served.url,
      '{ concept(slug: "untranslated", locale: KO) { term examples } }',
    );
    expect(answer.extensions).toBeUndefined();
  });

  it('falls back per lesson section, and follows Accept-Language as well as the argument', async () => {
    const answer = await graphql<any>(
      served.url,
      '{ lesson(slug: "only-korean") { title readingMinutes sections { title blocks { type spans { text concept { slug term } } } } } }',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(answer.data.lesson.title).toBe('한국어만 있는 수업');
    expect(answer.data.lesson.sections[0].blocks[0].spans[0]).toEqual({
      text: '번역 없음',
      concept: { slug: 'untranslated', term: '번역 없음' },
    });
    expect(answer.extensions?.locale.fallbacks.map((f: { path: string }) => f.path)).toEqual([
      'lesson.title',
      'lesson.readingMinutes',
      'lesson.sections.0.title',
      'lesson.sections.0.blocks',
      'lesson.sections.0.blocks.0.spans.0.concept.term',
    ]);
  });
});
