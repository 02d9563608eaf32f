// One small request must never stall an instance: GraphQL documents whose analysis would grow
// exponentially or quadratically are refused after linear work, and the server keeps answering.
import { graphql, request, serveApi } from '../helpers/httpServer.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  served = await serveApi({ NODE_ENV: 'production' });
});
afterAll(() => served.close());

// Fragments that each spread the next one twice: `levels` spreads reach the last fragment
// 2^levels times. Priced spread by spread, 60 levels is 10^18 visits: the test only ends if
// each fragment is priced once.
function fanOut(levels: number, leaf: string): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Concept { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ concept(slug: "encoder") { ...F0 } } ${fragments.join(' ')} fragment F${levels} on Concept { ${leaf} }`;
}

describe('fragment fan-out', () => {
  it.each([15, 20, 40, 60])(
    'refuses %i levels of doubling fragments over lists by their cost, at once',
    async (levels) => {
      const answer = await graphql<any>(served.url, fanOut(levels, 'related { slug }'));
      expect(answer.status).toBe(400);
      // Its cost, and its width once the fragments are spread: both limits see through them.
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/could return more than 100000 objects/),
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        }),
        expect.objectContaining({
          message: expect.stringMatching(/holds over 200 fields once its fragments are spread/),
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        }),
      ]);
      expect((await request(`${served.url}/healthz`)).status).toBe(200);
    },
  );

  it('refuses 60 levels of doubling fragments over scalars by their width, at once', async () => {
    const answer = await graphql<any>(served.url, fanOut(60, 'slug term'));
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/holds over 200 fields once its fragments are spread/),
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      }),
    ]);
  });

  it('counts depth by fields: a fragment is not a level of its own', async () => {
    const fields = (depth: number) => `${'related { '.repeat(depth)}slug${' }'.repeat(depth)}`;
    const answer = await graphql<any>(
      served.url,
      `{ concept(slug: "encoder") { ...A } } fragment A on Concept { ...B } fragment B on Concept { ...C } fragment C on Concept { ${fields(3)} }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.concept).toBeDefined();
  });
});

describe('expensive fields', () => {
  const searches = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `s${i}: search(query: "트랜스포머 fine tuning", first: 50) { score concept { slug } }`).join(' ')} }`;

  it('takes five searches in one operation and refuses a sixth by its cost', async () => {
    const five = await graphql<any>(served.url, searches(5));
    expect(five.errors).toBeUndefined();
    expect(Object.keys(five.data)).toHaveLength(5);
    const six = await graphql<any>(served.url, searches(6));
    expect(six.status).toBe(400);
    expect(six.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/a search counts as 18000/),
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });
});

const fields = (count: number) => Array.from({ length: count }, () => 'related { slug }').join(' ');

describe('limits before the spec rules', () => {
  it('refuses a document over a limit without validating it further', async () => {
    // 99 aliases of one field: the alias limit refuses it; the spec rule that compares every
    // pair of same-named fields would have compared them all first, and reported the unknown
    // field too.
    const aliases = Array.from({ length: 99 }, () => 'a: concept(slug: "x") { slug }');
    const answer = await graphql<any>(served.url, `{ ${aliases.join(' ')} nope }`);
    expect(answer.status).toBe(400);
    expect(answer.errors).toEqual([
      {
        message: 'Syntax Error: Aliases limit of 30 exceeded, found 99.',
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      },
    ]);
  });

  it.each([
    ['listed in one selection set', (n: number) => `{ concept(slug: "gemini") { ${fields(n)} } }`],
    [
      'spread into one from seven fragments',
      (n: number) =>
        `{ concept(slug: "gemini") { ${Array.from({ length: 7 }, (_, i) => `...F${i}`).join(' ')} } } ${Array.from({ length: 7 }, (_, i) => `fragment F${i} on Concept { ${fields(Math.ceil(n / 7))} }`).join(' ')}`,
    ],
  ])(
    'refuses over 200 fields %s, before the spec rules compare them pairwise',
    async (_name, document) => {
      const within = await graphql<any>(served.url, document(196));
      expect(within.errors).toBeUndefined();
      const answer = await graphql<any>(served.url, document(700));
      expect(answer.status).toBe(400);
      expect(answer.errors).toEqual([
        expect.objectContaining({
          message:
            'A selection set holds over 200 fields once its fragments are spread into it; at most 200 are allowed.',
          extensions: { code: 'QUERY_TOO_COMPLEX' },
        }),
      ]);
    },
  );

  it('still reports every spec violation of a document within the limits', async () => {
    const answer = await graphql<any>(served.url, '{ nope concept(slug: "x") { alsoNope } }');
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((e: any) => e.extensions.code)).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });

  it('validates the same refused document again the same way (nothing cached wrongly)', async () => {
    const query = fanOut(16, 'related { slug }');
    const first = await graphql<any>(served.url, query);
    const second = await graphql<any>(served.url, query);
    expect(second.status).toBe(400);
    expect(second.errors).toEqual(first.errors);
    const fine = await graphql<any>(served.url, '{ concept(slug: "encoder") { slug } }');
    expect(fine.data).toEqual({ concept: { slug: 'encoder' } });
  });
});
