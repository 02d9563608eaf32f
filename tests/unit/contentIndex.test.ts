// The read model's indexes, graph walks and glossary over a small hand-made content set.
import { applyChanges } from '../../src/content/applyChanges.js';
import { ContentIndex } from '../../src/content/contentIndex.js';
import { emptyDocumentSet } from '../../src/content/entries.js';
import { relatedConcepts, shortestPath } from '../../src/content/graph.js';
import { buildGlossary, glossaryInitial } from '../../src/content/glossary.js';
import {
  bundle,
  category,
  concept,
  memoryStoreWith,
  relation,
} from '../helpers/contentFixtures.js';

async function indexOf(
  content: ReturnType<typeof bundle>,
  includeDrafts = false,
): Promise<ContentIndex> {
  const store = await memoryStoreWith(content);
  const { documents } = await store.readChanges(0);
  return new ContentIndex(applyChanges(emptyDocumentSet(), documents), includeDrafts);
}

// a → b → c → d in a chain of mixed kinds and directions, e isolated, x a draft linked to a.
const chain = bundle({
  categories: [category('second', 2), category('first', 1)],
  concepts: [
    concept('a', 'first'),
    concept('b', 'first'),
    concept('c', 'second'),
    concept('d', 'second'),
    concept('e', 'first'),
    concept('x', 'first', { status: 'DRAFT' }),
  ],
  relations: [
    relation('a', 'IS_A', 'b'),
    relation('c', 'PART_OF', 'b'),
    relation('c', 'CONTRASTS_WITH', 'd'),
    relation('x', 'RELATED_TO', 'a'),
  ],
});

describe('relation indexes', () => {
  it('are made when first read, not with the rest', async () => {
    const store = await memoryStoreWith(chain);
    const documents = applyChanges(emptyDocumentSet(), (await store.readChanges(0)).documents);
    let reads = 0;
    const relations = documents.relations;
    // The relations counted as they are read: every way the index could read them goes
    // through forEach (a build) or get (a lookup).
    const counted = Object.assign(Object.create(relations) as typeof relations, {
      forEach: (...args: Parameters<typeof relations.forEach>) => {
        reads++;
        relations.forEach(...args);
      },
    });
    const index = new ContentIndex({ ...documents, relations: counted }, false);
    expect(index.concept('a')?.slug).toBe('a');
    expect(index.conceptsIn('first').map((c) => c.slug)).toEqual(['a', 'b', 'e']);
    expect(reads).toBe(0);
    expect(index.edgesOf('b').map((edge) => edge.other)).toEqual(['a', 'c']);
    expect(reads).toBe(1);
    expect(index.relations).toHaveLength(3);
    expect(index.relation('a__IS_A__b')?.kind).toBe('IS_A');
    expect(reads).toBe(1);
  });
});

describe('ContentIndex', () => {
  it('orders concepts by category order, then slug, and groups them by category', async () => {
    const index = await indexOf(chain);
    expect(index.concepts.map((c) => c.slug)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(index.conceptsIn('second').map((c) => c.slug)).toEqual(['c', 'd']);
    expect(index.conceptsIn('nope')).toEqual([]);
    expect(index.categories.map((c) => c.slug)).toEqual(['first', 'second']);
  });

  it('indexes relation edges from both ends with their direction', async () => {
    const index = await indexOf(chain);
    expect(index.edgesOf('b').map((e) => [e.relation.kind, e.direction, e.other])).toEqual([
      ['IS_A', 'INCOMING', 'a'],
      ['PART_OF', 'INCOMING', 'c'],
    ]);
    expect(index.edgesOf('b', ['PART_OF']).map((e) => e.other)).toEqual(['c']);
    expect(index.edgesOf('b', undefined, 'OUTGOING')).toEqual([]);
    // Symmetric kinds read OUTGOING from both ends and match either direction filter.
    expect(index.edgesOf('d', undefined, 'INCOMING').map((e) => [e.direction, e.other])).toEqual([
      ['OUTGOING', 'c'],
    ]);
  });

  it('hides drafts, and relations to them, from the public index only', async () => {
    const publicIndex = await indexOf(chain);
    const preview = await indexOf(chain, true);
    expect(publicIndex.concept('x')).toBeUndefined();
    expect(publicIndex.edgesOf('a').map((e) => e.other)).toEqual(['b']);
    expect(preview.concept('x')?.status).toBe('DRAFT');
    expect(
      preview
        .edgesOf('a')
        .map((e) => e.other)
        .sort(),
    ).toEqual(['b', 'x']);
  });
});

describe('graph walks', () => {
  it('finds related concepts by distance, in either direction, without the start', async () => {
    const index = await indexOf(chain);
    expect(relatedConcepts(index, 'a', 1).map((c) => c.slug)).toEqual(['b']);
    expect(relatedConcepts(index, 'a', 2).map((c) => c.slug)).toEqual(['b', 'c']);
    expect(relatedConcepts(index, 'a', 3).map((c) => c.slug)).toEqual(['b', 'c', 'd']);
    expect(relatedConcepts(index, 'e', 3)).toEqual([]);
  });

  it('finds the shortest path across directions, or null', async () => {
    const index = await indexOf(chain);
    const path = shortestPath(index, 'a', 'd');
    expect(
      path?.map((hop) => [hop.from, hop.edge.relation.kind, hop.edge.direction, hop.to]),
    ).toEqual([
      ['a', 'IS_A', 'OUTGOING', 'b'],
      ['b', 'PART_OF', 'INCOMING', 'c'],
      ['c', 'CONTRASTS_WITH', 'OUTGOING', 'd'],
    ]);
    expect(shortestPath(index, 'd', 'a')?.map((hop) => hop.to)).toEqual(['c', 'b', 'a']);
    expect(shortestPath(index, 'a', 'a')).toEqual([]);
    expect(shortestPath(index, 'a', 'e')).toBeNull();
    expect(shortestPath(index, 'a', 'nope')).toBeNull();
    expect(shortestPath(index, 'a', 'x')).toBeNull(); // drafts are not reachable publicly
  });

  it('prefers the shorter of two routes', async () => {
    const index = await indexOf(
      bundle({
        categories: [category('k', 1)],
        concepts: ['p', 'q', 'r', 's'].map((slug) => concept(slug, 'k')),
        relations: [
          relation('p', 'USES', 'q'),
          relation('q', 'USES', 'r'),
          relation('r', 'USES', 's'),
          relation('s', 'ENABLES', 'p'),
        ],
      }),
    );
    expect(shortestPath(index, 'p', 's')?.map((hop) => hop.to)).toEqual(['s']);
  });
});

describe('glossary', () => {
  it.each([
    ['프롬프트', 'ㅍ'],
    ['까치', 'ㄱ'], // double consonants file under their single consonant
    ['똑똑한', 'ㄷ'],
    ['쌍', 'ㅅ'],
    ['LLM', 'L'],
    ['gemini', 'G'],
    ['3D 모델', '#'],
    ['  트랜스포머', 'ㅌ'],
  ])('files %s under %s', (term, initial) => {
    expect(glossaryInitial(term)).toBe(initial);
  });

  it('orders Korean by initial consonant then Latin, and English A–Z', () => {
    const terms: [string, string, string][] = [
      ['z', '하늘', 'Zebra'],
      ['y', '가방', 'apple'],
      ['x', 'Vertex', 'Vertex'],
      ['w', '까마귀', 'Crow'],
      ['v', '나무', 'Banana'],
      ['u', '3D', '3D'],
      ['t', '가게', 'avocado'],
    ];
    const items = terms.map(([slug, ko, en]) => ({ slug, term: { ko, en } }));
    const ko = buildGlossary(items, 'ko', (c) => c.term.ko);
    expect(ko.map((g) => [g.initial, g.entries.map((e) => e.term.ko)])).toEqual([
      ['ㄱ', ['가게', '가방', '까마귀']],
      ['ㄴ', ['나무']],
      ['ㅎ', ['하늘']],
      ['V', ['Vertex']],
      ['#', ['3D']],
    ]);
    const en = buildGlossary(items, 'en', (c) => c.term.en);
    expect(en.map((g) => [g.initial, g.entries.map((e) => e.term.en)])).toEqual([
      ['A', ['apple', 'avocado']],
      ['B', ['Banana']],
      ['C', ['Crow']],
      ['V', ['Vertex']],
      ['Z', ['Zebra']],
      ['#', ['3D']],
    ]);
  });
});
