/**
 * The list-multiplying cost rule (src/graphql/listCostRule.ts), run through graphql-js's
 * `validate` against the project's executable schema: an object field costs 1 times the sizes
 * of the lists around it (a literal `first`/`limit`, a variable as 100, else the field's known
 * bound or 20); `related(depth)` by depth; a search adds a fixed 18,000; a block costs its
 * dearest content field, not their sum; fragments are priced once and scaled by each use;
 * introspection and scalars cost nothing; over the limit the operation is refused with
 * QUERY_TOO_COMPLEX, and the arithmetic saturates so that no document can blow it up.
 */
import { parse, validate, type GraphQLError } from 'graphql';
import { buildExecutableSchema } from '../../src/graphql/executableSchema.js';
import { listCostRule } from '../../src/graphql/listCostRule.js';

const schema = buildExecutableSchema();

function errorsUnder(maxCost: number, source: string): readonly GraphQLError[] {
  return validate(schema, parse(source), [listCostRule(maxCost)]);
}

/**
 * The price of a document: the smallest limit the rule accepts it under (costs are whole
 * numbers, and a limit at or above the price always accepts, so a binary search finds it).
 */
function priceOf(source: string): number {
  let low = 0;
  let high = 1_000_000_000;
  if (errorsUnder(high, source).length > 0) return Infinity;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (errorsUnder(middle, source).length === 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

// Fragments F0 … Fn on Concept, each spreading the next one twice; Fn selects one object.
function doublingFragments(n: number): string {
  const fragments = Array.from({ length: n }, (_, k) => {
    return `fragment F${k} on Concept { ...F${k + 1} ...F${k + 1} }`;
  });
  return [
    '{ concept(slug: "a") { ...F0 } }',
    ...fragments,
    `fragment F${n} on Concept { category { slug } }`,
  ].join('\n');
}

describe('listCostRule prices a document by the objects it could return', () => {
  it.each<[string, string, number]>([
    // --- objects and scalars ---
    ['an object field costs 1', '{ concept(slug: "a") { slug term } }', 1],
    [
      'scalars and lists of scalars cost nothing',
      '{ concept(slug: "a") { slug aliases examples limitations status } }',
      1,
    ],
    // concept 1 × (1 + category 1)
    ['a nested object adds 1', '{ concept(slug: "a") { category { slug } } }', 2],
    // --- lists: their known bound, multiplied by what each item holds ---
    // Query.categories is bounded at 10
    ['a list costs its known bound', '{ categories { slug } }', 10],
    // ChangeSet.categories has no bound of its own: 20; changes is one object: 1 × (1 + 20)
    ['a list without a known bound costs 20', '{ changes { categories { slug } } }', 21],
    // categories 10 × (1 + Category.concepts 40 × 1)
    ['nested lists multiply', '{ categories { concepts { slug } } }', 410],
    // lessons 10 × (1 + sections 15 × (1 + blocks 8 × 1))
    ['three nested lists multiply', '{ lessons { sections { blocks { type } } } }', 1360],
    // concept 1 × (1 + analogies 3 × (1 + Analogy.mapping 20 × 1))
    [
      'a bounded list around an unbounded one',
      '{ concept(slug: "a") { analogies { mapping { source } } } }',
      64,
    ],
    // --- first / limit ---
    // 18,000 + first 3 × 1
    ['a literal first sizes the list', '{ search(query: "x", first: 3) { score } }', 18_003],
    // 18,000 + 2 × (1 + concept 1)
    [
      'a literal first multiplies what each item holds',
      '{ search(query: "x", first: 2) { concept { slug } } }',
      18_004,
    ],
    ['first: 0 counts as one item', '{ search(query: "x", first: 0) { score } }', 18_001],
    ['a negative first counts as one item', '{ search(query: "x", first: -5) { score } }', 18_001],
    // Validation cannot see variables: a variable page is the largest any field allows, 100
    [
      'a variable first counts as 100',
      'query ($n: Int) { search(query: "x", first: $n) { score } }',
      18_100,
    ],
    // conceptHistory: limit 2 × (1 + concept 1)
    [
      'a literal limit sizes the list like first',
      '{ conceptHistory(slug: "a", limit: 2) { concept { slug } } }',
      4,
    ],
    // Only literal arguments count: the schema's default (limit = 10) is not read, so the list
    // has no size of its own: 20 × (1 + 1)
    [
      'a list whose limit is left to the schema default costs 20',
      '{ conceptHistory(slug: "a") { concept { slug } } }',
      40,
    ],
    // --- a page object passes its first on to its lists (a connection, a change set) ---
    // concepts 1 × (1 + edges 5 × (1 + node 1))
    [
      "a connection's first sizes its edges",
      '{ concepts(first: 5) { edges { node { slug } } } }',
      11,
    ],
    // concepts 1 × (1 + edges 100 × (1 + node 1 × (1 + category 1 × (1 + concepts 40 ×
    // (1 + relations 15 × (1 + concept 1)))))) = 1 + 100 × (1 + 1 + 1 + 40 × 31) = 124,301:
    // priced at 24,861 whatever the first when edges ignored it, so accepted under 100,000.
    [
      'a connection of 100 multiplies what each edge holds',
      '{ concepts(first: 100) { edges { node { category { concepts { relations { concept { slug } } } } } } } }',
      124_301,
    ],
    // changes 1 × (1 + concepts 1,000 × 1 + lessons 1,000 × 1)
    [
      "a change set's first sizes each of its lists",
      '{ changes(first: 1000) { concepts { slug } lessons { slug } } }',
      2_001,
    ],
    // --- related(depth): about 5, 15, 30 concepts ---
    ['related at the default depth 1', '{ concept(slug: "a") { related { slug } } }', 6],
    ['related at depth 2', '{ concept(slug: "a") { related(depth: 2) { slug } } }', 16],
    ['related at depth 3', '{ concept(slug: "a") { related(depth: 3) { slug } } }', 31],
    [
      'related above depth 3 counts as 3',
      '{ concept(slug: "a") { related(depth: 7) { slug } } }',
      31,
    ],
    [
      'related below depth 1 counts as 1',
      '{ concept(slug: "a") { related(depth: 0) { slug } } }',
      6,
    ],
    [
      'related at a variable depth counts as 3',
      'query ($d: Int) { concept(slug: "a") { related(depth: $d) { slug } } }',
      31,
    ],
    // --- the search field's fixed cost ---
    // 18,000 + 20 default items × 1
    ['a search adds 18,000 to its hits', '{ search(query: "x") { score } }', 18_020],
    // --- aliases: each is a field of its own ---
    ['two aliases of a list cost twice', '{ a: categories { slug } b: categories { slug } }', 20],
    [
      'two aliased searches cost two searches',
      '{ a: search(query: "x", first: 1) { score } b: search(query: "y", first: 1) { score } }',
      36_002,
    ],
    // --- blocks: one of spans, items, table, blocks or image, so the dearest of them ---
    // lesson 1 × (1 + sections 15 × (1 + blocks 8 × (1 + Block.spans 5 × 1)))
    [
      'a block with one content field',
      '{ lesson(slug: "a") { sections { blocks { spans { text } } } } }',
      736,
    ],
    // Block: spans 5, items 4 × (1 + 5) = 24, table 1 × (1 + rows 5 × (1 + cells 3 × (1 + 2)))
    // = 51; the block costs max(5, 24, 51) = 51, not 80; then 1 × (1 + 15 × (1 + 8 × 52))
    [
      'a block costs its dearest content field, not their sum',
      '{ lesson(slug: "a") { sections { blocks { spans { text } items { spans { text } } table { rows { cells { spans { text } } } } } } } }',
      6256,
    ],
    // Section.blocks 8 × (1 + Block.blocks 2 × 1), a quote's blocks being one of its fields
    [
      'a quote block prices its inner blocks',
      '{ lesson(slug: "a") { sections { blocks { blocks { type } } } } }',
      1 + 15 * (1 + 8 * (1 + 2)),
    ],
    // --- fragments ---
    [
      'a named fragment costs what it would cost inline',
      '{ concept(slug: "a") { ...F } } fragment F on Concept { category { slug } }',
      2,
    ],
    [
      'an inline fragment with a type condition',
      '{ concept(slug: "a") { ... on Concept { category { slug } } } }',
      2,
    ],
    [
      'an inline fragment without a type condition',
      '{ concept(slug: "a") { ... { category { slug } } } }',
      2,
    ],
    [
      'a fragment used in two places counts at each',
      '{ a: concept(slug: "a") { ...F } b: concept(slug: "b") { ...F } } fragment F on Concept { category { slug } }',
      4,
    ],
    // categories 10 × (1 + concepts 40 × (1 + F 1))
    [
      'a fragment inside nested lists is scaled by them',
      '{ categories { concepts { ...F } } } fragment F on Concept { category { slug } }',
      810,
    ],
    // concept 1 × (1 + F 1 + F 1)
    [
      'a fragment spread twice in one selection counts twice',
      '{ concept(slug: "a") { ...F ...F } } fragment F on Concept { category { slug } }',
      3,
    ],
    // G = Category.concepts 40; F = category 1 × (1 + G) = 41; concept 1 × (1 + 41)
    [
      'a fragment spreading another one',
      '{ concept(slug: "a") { ...F } } fragment F on Concept { category { ...G } } fragment G on Category { concepts { slug } }',
      42,
    ],
    // F0 = 2 × F1 = … = 2^10 × F10 (1); concept 1 × (1 + 1024)
    ['fragments that double ten times', doublingFragments(10), 1025],
    ['fragments that double twenty times', doublingFragments(20), 2 ** 20 + 1],
    // A spread of F inside F (a cycle, refused by the spec rule NoFragmentCycles) adds nothing
    [
      'a fragment that spreads itself',
      '{ concept(slug: "a") { ...F } } fragment F on Concept { category { slug } ...F }',
      2,
    ],
    ['a spread of an unknown fragment costs nothing', '{ concept(slug: "a") { ...Missing } }', 1],
    // --- what is not priced ---
    ['an unknown field costs nothing', '{ nothing { slug } concept(slug: "a") { slug } }', 1],
    [
      'introspection of the schema costs nothing',
      '{ __schema { types { name fields { name type { name ofType { name } } } } } }',
      0,
    ],
    ['introspection of a type costs nothing', '{ __type(name: "Concept") { fields { name } } }', 0],
    [
      'introspection beside a list costs only the list',
      '{ __typename __schema { types { name } } categories { __typename slug } }',
      10,
    ],
    // --- operations ---
    // createConcept 1 × (1 + relations 15 × (1 + concept 1))
    [
      'a mutation is priced from the Mutation root',
      'mutation { createConcept(input: {}) { relations { concept { slug } } } }',
      31,
    ],
    ['a mutation has no Query fields to price', 'mutation { categories { slug } }', 0],
    [
      'each operation of a document is priced on its own',
      'query A { categories { slug } } query B { lessons { slug } }',
      10,
    ],
  ])('%s', (_case, source, price) => {
    expect(priceOf(source)).toBe(price);
  });
});

describe('listCostRule refuses a document over the limit', () => {
  const refusal = (limit: number) =>
    `The query could return more than ${limit} objects, the most allowed (lists multiply; a search counts as 18000). Ask for fewer or smaller lists.`;

  it.each<[string, string, number, number]>([
    // [case, document, limit, operations refused]
    ['one over the limit', '{ categories { slug } }', 9, 1],
    ['far over the limit', '{ categories { concepts { related(depth: 3) { slug } } } }', 100, 1],
    // 5 × (18,000 + 1) = 90,005 ≤ 100,000 < 6 × 18,001
    [
      'six searches at the default limit of 100,000',
      `{ ${Array.from({ length: 6 }, (_, i) => `s${i}: search(query: "x", first: 1) { score }`).join(' ')} }`,
      100_000,
      1,
    ],
    // Each operation is refused on its own, with its own error
    [
      'two operations over the limit',
      'query A { categories { slug } } query B { lessons { slug } }',
      9,
      2,
    ],
  ])('%s: QUERY_TOO_COMPLEX with the limit in the message', (_case, source, limit, refused) => {
    const errors = errorsUnder(limit, source);
    expect(errors).toHaveLength(refused);
    for (const error of errors) {
      expect(error.message).toBe(refusal(limit));
      expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
      expect(error.nodes?.[0]?.kind).toBe('OperationDefinition');
    }
  });

  it.each<[string, string, number]>([
    ['a document exactly at the limit', '{ categories { slug } }', 10],
    [
      'five searches at the default limit of 100,000',
      `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: search(query: "x", first: 1) { score }`).join(' ')} }`,
      100_000,
    ],
  ])('accepts %s', (_case, source, limit) => {
    expect(errorsUnder(limit, source)).toEqual([]);
  });

  // Without saturation and fragments priced once these would overflow or never finish.
  it.each<[string, string]>([
    [
      'lists nested far beyond any number',
      `{ categories { concepts { ${'related(depth: 3) { '.repeat(60)}slug${' }'.repeat(60)} } } }`,
    ],
    [
      'a first too large for a number',
      `{ search(query: "x", first: 1${'0'.repeat(400)}) { score } }`,
    ],
    ['fragments that double sixty times (2^60 uses)', doublingFragments(60)],
  ])('refuses %s once, at once', (_case, source) => {
    const errors = errorsUnder(100_000, source);
    expect(errors.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
