// The course through the real Cloud Function entry (src/index.ts registers `api`), over HTTP.
import '../../src/index.js';
import {
  graphql,
  request,
  serveRegisteredFunction,
  type ServedFunction,
} from '../helpers/httpServer.js';

let server: ServedFunction;
beforeAll(async () => {
  server = await serveRegisteredFunction('api');
});
afterAll(() => server.close());

type Json = Record<string, any>;

describe('GET /healthz', () => {
  it('reports the store kind and the content revision', async () => {
    const answer = await request(`${server.url}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'ok',
      store: { kind: 'memory', reachable: true },
      content: { rev: 1, stale: false },
    });
  });
});

describe('concept', () => {
  it('serves a concept in Korean by default and in English on request', async () => {
    const query = `query($locale: Locale) { concept(slug: "parameter-efficient-tuning", locale: $locale) {
      slug term aliases summary category { slug name } status version locale } }`;
    const ko = await graphql<Json>(server.url, query);
    const en = await graphql<Json>(server.url, query, { locale: 'EN' });
    expect(ko.errors).toBeUndefined();
    expect(ko.data!.concept).toMatchObject({
      slug: 'parameter-efficient-tuning',
      category: { slug: 'tuning-methods' },
      status: 'PUBLISHED',
      version: 1,
      locale: 'KO',
    });
    expect(ko.data!.concept.aliases).toContain('PETM');
    expect(ko.data!.concept.term).toMatch(/[가-힣]/);
    expect(en.data!.concept.term).toMatch(/Parameter/);
    expect(en.data!.concept.locale).toBe('EN');
    expect(en.extensions?.locale).toBeUndefined(); // everything translated: no fallback
  });

  it('lets Accept-Language choose the locale when no argument is given', async () => {
    const query = '{ concept(slug: "transformer") { term locale } }';
    const en = await graphql<Json>(server.url, query, undefined, {
      'accept-language': 'en-US,en;q=0.9',
    });
    const fr = await graphql<Json>(server.url, query, undefined, { 'accept-language': 'fr' });
    expect(en.data!.concept).toEqual({ term: 'Transformer', locale: 'EN' });
    expect(fr.data!.concept.locale).toBe('KO');
    expect(en.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('answers null for an unknown slug', async () => {
    const answer = await graphql<Json>(server.url, '{ concept(slug: "no-such-thing") { slug } }');
    expect(answer).toMatchObject({ status: 200, data: { concept: null } });
    expect(answer.errors).toBeUndefined();
  });

  it('serves details, examples, analogies with mapping pairs, limitations and media', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          llm: concept(slug: "large-language-model", locale: EN) {
            details {
              title
              text
            }
            examples
          }
          petm: concept(slug: "parameter-efficient-tuning", locale: EN) {
            analogies {
              domain
              text
              mapping {
                source
                target
                concept {
                  slug
                }
              }
              caveats
            }
            limitations
          }
          studio: concept(slug: "vertex-ai-studio", locale: EN) {
            media {
              type
              path
              alt
              available
            }
          }
        }
      `,
    );
    expect(answer.errors).toBeUndefined();
    const { llm, petm, studio } = answer.data!;
    expect(llm.details.map((d: Json) => d.title).join(' ')).toMatch(/large/i);
    expect(llm.details.map((d: Json) => d.title).join(' ')).toMatch(/general/i);
    expect(petm.analogies[0].domain).toBeTruthy();
    expect(petm.analogies[0].mapping.length).toBeGreaterThan(0);
    expect(petm.limitations.length).toBeGreaterThan(0);
    expect(studio.media).toEqual([
      expect.objectContaining({
        type: 'image',
        path: '../resources/vertex-ai-studio.png',
        available: false,
      }),
    ]);
  });

  it('filters relations by kind and direction, with labels for each direction', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          concept(slug: "large-language-model", locale: EN) {
            kinds: relations(kinds: [IS_A], direction: INCOMING) {
              kind
              direction
              label
              concept {
                slug
              }
            }
            out: relations(direction: OUTGOING) {
              kind
              concept {
                slug
              }
            }
          }
        }
      `,
    );
    const { kinds, out } = answer.data!.concept;
    expect(kinds.map((r: Json) => r.concept.slug).sort()).toEqual([
      'dialog-tuned-model',
      'generic-language-model',
      'instruction-tuned-model',
    ]);
    expect(kinds.every((r: Json) => r.direction === 'INCOMING' && r.label === 'has kind')).toBe(
      true,
    );
    expect(out).toEqual(
      expect.arrayContaining([
        { kind: 'SUBSET_OF', concept: { slug: 'deep-learning' } },
        { kind: 'BASED_ON', concept: { slug: 'transformer' } },
        { kind: 'ENABLES', concept: { slug: 'few-shot-learning' } },
      ]),
    );
  });

  it('treats symmetric relations as outgoing from both ends', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          a: concept(slug: "fine-tuning", locale: EN) {
            relations(kinds: [CONTRASTS_WITH], direction: OUTGOING) {
              concept {
                slug
              }
              label
            }
          }
          b: concept(slug: "parameter-efficient-tuning", locale: EN) {
            relations(kinds: [CONTRASTS_WITH]) {
              concept {
                slug
              }
              label
            }
          }
        }
      `,
    );
    expect(answer.data!.a.relations).toContainEqual({
      concept: { slug: 'parameter-efficient-tuning' },
      label: 'contrasts with',
    });
    expect(answer.data!.b.relations).toContainEqual({
      concept: { slug: 'fine-tuning' },
      label: 'contrasts with',
    });
  });

  it('walks related concepts up to depth 3, nearest first, and cites relation sources', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          concept(slug: "encoder") {
            d1: related(depth: 1) {
              slug
            }
            d2: related(depth: 2) {
              slug
            }
            d3: related(depth: 3) {
              slug
            }
            relations {
              source {
                lesson {
                  slug
                }
                section {
                  anchor
                }
              }
            }
            lessons {
              slug
            }
          }
        }
      `,
    );
    const { d1, d2, d3, relations, lessons } = answer.data!.concept;
    expect(d1.map((c: Json) => c.slug)).toEqual(['transformer']);
    expect(d2.map((c: Json) => c.slug)).toEqual(
      expect.arrayContaining(['transformer', 'decoder', 'large-language-model']),
    );
    expect(d2[0].slug).toBe('transformer');
    expect(d3.length).toBeGreaterThan(d2.length);
    expect(d3.map((c: Json) => c.slug)).not.toContain('encoder');
    expect(relations[0].source).toEqual({
      lesson: { slug: 'introduction-to-llms' },
      section: { anchor: expect.any(String) },
    });
    expect(lessons).toEqual([{ slug: 'introduction-to-llms' }]);
  });
});

describe('concepts', () => {
  it('pages through every concept with cursors and totalCount', async () => {
    const query = `query($after: String) { concepts(first: 7, after: $after) {
      totalCount edges { cursor node { slug category { slug } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const answer: Json = await graphql<Json>(server.url, query, { after });
      const connection = answer.data.concepts;
      total = connection.totalCount;
      seen.push(...connection.edges.map((e: Json) => e.node.slug));
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(28);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by category', async () => {
    const answer = await graphql<Json>(
      server.url,
      '{ concepts(category: "llm-types") { totalCount edges { node { slug } } } }',
    );
    expect(answer.data!.concepts.totalCount).toBe(3);
    expect(answer.data!.concepts.edges.map((e: Json) => e.node.slug)).toEqual([
      'dialog-tuned-model',
      'generic-language-model',
      'instruction-tuned-model',
    ]);
  });
});

describe('categories, lessons, comparisons, path, glossary', () => {
  it('lists the categories in order with their concepts', async () => {
    const answer = await graphql<Json>(
      server.url,
      '{ categories(locale: EN) { slug name order concepts { slug } } }',
    );
    expect(answer.data!.categories.map((c: Json) => c.slug)).toEqual([
      'fundamentals',
      'llm-types',
      'tuning-methods',
      'prompting',
      'google-cloud-tools',
    ]);
    expect(answer.data!.categories[4].concepts.map((c: Json) => c.slug)).toEqual(
      expect.arrayContaining([
        'gemini',
        'model-garden',
        'vertex-ai-agent-builder',
        'vertex-ai-studio',
      ]),
    );
  });

  it('serves the lesson as sections of structured blocks with concept links', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          lessons {
            slug
            number
          }
          lesson(slug: "introduction-to-llms", locale: EN) {
            slug
            number
            title
            readingMinutes
            contentHash
            concepts {
              slug
            }
            sections {
              anchor
              level
              title
              concepts {
                slug
              }
              blocks {
                type
                spans {
                  text
                  marks
                  concept {
                    slug
                  }
                }
                items {
                  spans {
                    text
                    concept {
                      slug
                    }
                  }
                  blocks {
                    type
                    image {
                      path
                      alt
                      available
                    }
                    items {
                      spans {
                        text
                      }
                    }
                  }
                }
                table {
                  align
                  header {
                    spans {
                      text
                    }
                  }
                  rows {
                    cells {
                      spans {
                        text
                        marks
                      }
                    }
                  }
                }
                blocks {
                  type
                  spans {
                    text
                  }
                }
              }
            }
          }
        }
      `,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.lessons).toEqual([{ slug: 'introduction-to-llms', number: 2 }]);
    const lesson = answer.data!.lesson;
    expect(lesson.title).toMatch(/Large Language Models/);
    expect(lesson.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(lesson.sections[0]).toMatchObject({ anchor: 'generative-ai-definition', level: 2 });
    const blockTypes = new Set(
      lesson.sections.flatMap((s: Json) => s.blocks.map((b: Json) => b.type)),
    );
    for (const type of ['PARAGRAPH', 'LIST', 'TABLE', 'QUOTE']) expect(blockTypes).toContain(type);
    const table = lesson.sections
      .flatMap((s: Json) => s.blocks)
      .find((b: Json) => b.type === 'TABLE').table;
    expect(table.header).toHaveLength(3);
    expect(table.rows).toHaveLength(4);
    const linked = lesson.sections
      .flatMap((s: Json) => s.blocks)
      .flatMap((b: Json) => [...(b.spans ?? []), ...(b.items ?? []).flatMap((i: Json) => i.spans)])
      .filter((span: Json) => span.concept);
    expect(linked.length).toBeGreaterThan(10);
    const images = lesson.sections
      .flatMap((s: Json) => s.blocks)
      .flatMap((b: Json) => (b.items ?? []).flatMap((i: Json) => i.blocks))
      .filter((b: Json) => b.type === 'IMAGE')
      .map((b: Json) => b.image);
    expect(images).toEqual([
      { path: '../resources/vertex-ai-studio.png', alt: expect.any(String), available: false },
      { path: '../resources/model-garden.png', alt: expect.any(String), available: false },
    ]);
  });

  it('serves the chef table and ad-hoc comparisons', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          comparison(slug: "tuning-approaches", locale: EN) {
            slug
            title
            concepts {
              slug
            }
            rows {
              key
              label
              cells {
                concept {
                  slug
                }
                points
                text
              }
            }
          }
          compare(slugs: ["fine-tuning", "parameter-efficient-tuning"], locale: EN) {
            slug
            title
            concepts {
              slug
            }
            rows {
              key
              cells {
                points
              }
            }
          }
          missing: comparison(slug: "nope") {
            slug
          }
        }
      `,
    );
    expect(answer.errors).toBeUndefined();
    const { comparison, compare, missing } = answer.data!;
    expect(missing).toBeNull();
    expect(comparison.concepts.map((c: Json) => c.slug)).toEqual([
      'foundation-model',
      'model-tuning',
      'fine-tuning',
      'parameter-efficient-tuning',
    ]);
    const analogy = comparison.rows.find((r: Json) => r.key === 'analogy');
    expect(analogy.cells).toHaveLength(4);
    expect(analogy.cells[0].text).toMatch(/chef/i);
    expect(compare.slug).toBeNull();
    expect(compare.title).toMatch(/ vs /);
    const keys = compare.rows.map((r: Json) => r.key);
    expect(keys.slice(0, 5)).toEqual([
      'category',
      'summary',
      'definition',
      'analogy',
      'limitations',
    ]);
    // The chef table covers both concepts, so its rows join the ad-hoc comparison.
    expect(keys).toEqual(
      expect.arrayContaining(['tuning-approaches/analogy', 'tuning-approaches/problems']),
    );
  });

  it('finds the shortest path in either direction, labelled the way it is walked', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          p: path(from: "encoder", to: "decoder", locale: EN) {
            from {
              slug
            }
            kind
            label
            to {
              slug
            }
          }
          same: path(from: "encoder", to: "encoder") {
            kind
          }
          unknown: path(from: "encoder", to: "nope") {
            kind
          }
        }
      `,
    );
    expect(answer.data!.p).toEqual([
      {
        from: { slug: 'encoder' },
        kind: 'PART_OF',
        label: 'is part of',
        to: { slug: 'transformer' },
      },
      {
        from: { slug: 'transformer' },
        kind: 'PART_OF',
        label: 'has part',
        to: { slug: 'decoder' },
      },
    ]);
    expect(answer.data!.same).toEqual([]);
    expect(answer.data!.unknown).toBeNull();
  });

  it('groups the glossary by initial consonant in Korean and A–Z in English', async () => {
    const answer = await graphql<Json>(
      server.url,
      `
        {
          ko: glossary(locale: KO) {
            initial
            entries {
              slug
              term
            }
          }
          en: glossary(locale: EN) {
            initial
            entries {
              term
            }
          }
        }
      `,
    );
    const koInitials = answer.data!.ko.map((g: Json) => g.initial);
    const hangulTabs = koInitials.filter((i: string) => /[ㄱ-ㅎ]/.test(i));
    expect(hangulTabs).toEqual(
      [...hangulTabs].sort(
        (a, b) =>
          'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ'.indexOf(a) - 'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ'.indexOf(b),
      ),
    );
    expect(koInitials.indexOf('ㄷ')).toBeLessThan(koInitials.indexOf('ㅍ'));
    // Latin-script Korean terms (Gemini, Vertex AI …) come after the Hangul tabs.
    expect(koInitials.findIndex((i: string) => /[A-Z]/.test(i))).toBeGreaterThan(
      koInitials.lastIndexOf(hangulTabs.at(-1)),
    );
    const enInitials = answer.data!.en.map((g: Json) => g.initial);
    expect(enInitials).toEqual([...enInitials].sort());
    for (const group of answer.data!.en) {
      for (const entry of group.entries)
        expect(entry.term.charAt(0).toUpperCase()).toBe(group.initial);
    }
    const total = (groups: Json[]) => groups.reduce((n, g) => n + g.entries.length, 0);
    expect(total(answer.data!.ko)).toBe(total(answer.data!.en));
  });

  it('describes the relation kinds', async () => {
    const answer = await graphql<Json>(
      server.url,
      '{ relationKinds(locale: EN) { kind label inverseLabel symmetric } }',
    );
    expect(answer.data!.relationKinds).toContainEqual({
      kind: 'IS_A',
      label: 'is a kind of',
      inverseLabel: 'has kind',
      symmetric: false,
    });
  });
});

describe('where a text comes from', () => {
  it('tells the lesson note from the editors’ general knowledge, on GraphQL and REST', async () => {
    const answer = await graphql<Json>(
      server.url,
      '{ concept(slug: "transformer", locale: EN) { details { title origin } } }',
    );
    expect(answer.data!.concept.details).toEqual([
      { title: 'Structure', origin: 'LESSON' },
      { title: 'Relation to LLMs', origin: 'LESSON' },
      { title: 'A note on the encoder–decoder structure', origin: 'EDITORIAL' },
    ]);
    const rest = await request(`${server.url}/v1/concepts/transformer?locale=en`);
    expect((rest.json as Json).details.map((d: Json) => d.origin)).toEqual([
      'lesson',
      'lesson',
      'editorial',
    ]);
  });
});
