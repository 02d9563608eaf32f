// Missing translations fall back to Korean, and the response says which fields did, per path.
import { lessonSourceSchema } from '../../src/domain/lesson.js';
import { buildLesson } from '../../src/markdown/buildLesson.js';
import { bundle, concept, memoryStoreWith } from '../helpers/contentFixtures.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';

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
      categories: [{ slug: 'k', order: 1, name: { ko: '한국어 분류' } }],
      concepts: [
        concept('untranslated', 'k', {
          term: { ko: '번역 없음' },
          summary: { ko: '요약', en: 'Summary' },
          examples: [{ ko: '예시 하나', en: 'One example' }, { ko: '예시 둘' }],
        }),
        concept('translated', 'k'),
      ],
      relations: [
        { from: 'translated', kind: 'RELATED_TO', to: 'untranslated', note: { ko: '메모' } },
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

  // REST, bundles and search hits say the same as GraphQL, as JSON paths relative to each object.
  it('lists the fallen-back fields of REST answers as JSON paths on each object', async () => {
    const concept = (await request(`${served.url}/v1/concepts/untranslated?locale=en`)).json as any;
    expect(concept.fallbacks).toEqual(expect.arrayContaining(['term', 'examples.1']));
    expect(concept.fallbacks).not.toContain('summary');

    const lesson = (await request(`${served.url}/v1/lessons/only-korean?locale=en`)).json as any;
    expect(lesson.fallbacks).toEqual(
      expect.arrayContaining(['title', 'readingMinutes', 'sections.0.title', 'sections.0.blocks']),
    );

    const search = (
      await request(`${served.url}/v1/search?q=${encodeURIComponent('번역')}&locale=en`)
    ).json as any;
    expect(search.hits[0]).toMatchObject({
      slug: 'untranslated',
      term: '번역 없음',
      fallbacks: expect.arrayContaining(['term', 'snippet']),
    });
    const english = (await request(`${served.url}/v1/search?q=summary&locale=en`)).json as any;
    // Matched in its English summary: the snippet is English, only the term fell back.
    expect(english.hits.find((h: any) => h.slug === 'untranslated').fallbacks).toEqual(['term']);

    const bundle = (await request(`${served.url}/v1/lessons/only-korean/bundle?locales=en`))
      .json as any;
    const content = bundle.content.en;
    expect(content.lesson.fallbacks).toContain('sections.0.blocks');
    expect(content.concepts[0].fallbacks).toContain('term');

    const sync = (await request(`${served.url}/v1/sync?locale=en`)).json as any;
    expect(sync.categories[0]).toMatchObject({ name: '한국어 분류', fallbacks: ['name'] });
    expect(sync.relations[0]).toMatchObject({ note: '메모', fallbacks: ['note'] });
  });

  it('says nothing fell back in Korean', async () => {
    const concept = (await request(`${served.url}/v1/concepts/untranslated?locale=ko`)).json as any;
    expect(concept).not.toHaveProperty('fallbacks');
    const sync = (await request(`${served.url}/v1/sync?locale=ko`)).json as any;
    expect(sync.categories[0]).not.toHaveProperty('fallbacks');
  });
});
