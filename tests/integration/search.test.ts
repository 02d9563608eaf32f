// Search through GraphQL and GET /v1/search on the real function handler: hits with score, field
// and highlighted snippet; bad input refused; edits searchable on the next request.
import { as, createDraft, outcome, versionOf } from '../helpers/editing.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const SEARCH =
  'query($q: String!, $n: Int, $l: Locale) { search(query: $q, first: $n, locale: $l) { concept { slug } score field snippet } }';

describe('GraphQL search', () => {
  it('finds a concept from a Korean word with a particle, highlighting it in the requested locale', async () => {
    const ko = await as('anonymous', served.url, SEARCH, { q: '트랜스포머는', n: 3 });
    expect(ko.data.search[0]).toEqual({
      concept: { slug: 'transformer' },
      score: 1000,
      field: 'term',
      snippet: '<mark>트랜스포머</mark>',
    });
    const en = await as('anonymous', served.url, SEARCH, { q: '트랜스포머는', n: 1, l: 'EN' });
    expect(en.data.search[0].snippet).toBe('Transformer (<mark>트랜스포머</mark>)');
  });

  it('matches texts when no name matches, with a snippet around the match', async () => {
    const answer = await as('anonymous', served.url, SEARCH, {
      q: 'cooking school',
      n: 1,
      l: 'EN',
    });
    const [hit] = answer.data.search;
    expect(hit.concept.slug).toBe('fine-tuning');
    expect(hit.field).toBe('analogy');
    expect(hit.snippet).toMatch(/<mark>cooking<\/mark> <mark>school<\/mark>/);
    expect(hit.score).toBeLessThan(300);
  });

  it.each([
    ['an empty query', { q: '   ' }, ['query']],
    ['a query over 200 characters', { q: 'a'.repeat(201) }, ['query']],
    ['first = 0', { q: 'llm', n: 0 }, ['first']],
    ['first = 51', { q: 'llm', n: 51 }, ['first']],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, path) => {
    const answer = await as('anonymous', served.url, SEARCH, variables);
    expect(outcome(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions!.issues).toEqual([expect.objectContaining({ path })]);
  });

  it('searches a new alias on the next request after the edit, and drafts only for writers', async () => {
    const before = await as('anonymous', served.url, SEARCH, { q: '변환기' });
    expect(before.data.search.map((h: any) => h.concept.slug)).not.toContain('transformer');
    const v = await versionOf(served.url, 'transformer');
    const edit = await as(
      'admin',
      served.url,
      'mutation($v: Int) { updateConcept(slug: "transformer", patch: { aliases: ["Transformer", "트랜스포머", "변환기"] }, expectedVersion: $v) { version } }',
      { v },
    );
    expect(edit.errors).toBeUndefined();
    const after = await as('anonymous', served.url, SEARCH, { q: '변환기', n: 1 });
    expect(after.data.search[0]).toMatchObject({
      concept: { slug: 'transformer' },
      score: 1000,
      field: 'alias',
    });

    await createDraft(served.url, 'retrieval-augmented-generation');
    const anonymous = await as('anonymous', served.url, SEARCH, {
      q: 'retrieval-augmented-generation term',
    });
    const editor = await as('editor', served.url, SEARCH, {
      q: 'retrieval-augmented-generation term',
    });
    expect(anonymous.data.search.map((h: any) => h.concept.slug)).not.toContain(
      'retrieval-augmented-generation',
    );
    expect(editor.data.search[0].concept.slug).toBe('retrieval-augmented-generation');

    await as(
      'admin',
      served.url,
      'mutation { deleteConcept(slug: "retrieval-augmented-generation", expectedVersion: 1) { slug } }',
    );
    const gone = await as('editor', served.url, SEARCH, {
      q: 'retrieval-augmented-generation term',
    });
    expect(gone.data.search.map((h: any) => h.concept.slug)).not.toContain(
      'retrieval-augmented-generation',
    );
  });
});

describe('GET /v1/search', () => {
  it('answers JSON hits, choosing the locale from the parameter or Accept-Language', async () => {
    const answer = await request(
      `${served.url}/v1/search?q=${encodeURIComponent('ㅍㄹㅍㅌ ㄷㅈㅇ')}&first=2&locale=en`,
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      query: 'ㅍㄹㅍㅌ ㄷㅈㅇ',
      locale: 'en',
      hits: [
        expect.objectContaining({
          slug: 'prompt-design',
          term: 'Prompt Design',
          field: 'term',
          score: 950,
        }),
      ],
    });
    const negotiated = await request(`${served.url}/v1/search?q=PETM`, {
      headers: { 'accept-language': 'ko-KR' },
    });
    expect((negotiated.json as any).locale).toBe('ko');
    expect(negotiated.headers.get('vary')).toMatch(/Accept-Language/);
  });

  it.each([
    ['no q', ''],
    ['an empty q', '?q='],
    ['a q over 200 characters', `?q=${'x'.repeat(201)}`],
    ['first out of range', '?q=llm&first=500'],
    ['first not a number', '?q=llm&first=many'],
    ['an unknown locale', '?q=llm&locale=fr'],
    ['an unknown parameter', '?q=llm&debug=1'],
    ['q given twice', '?q=llm&q=cot'],
  ])('answers %s with a problem+json 400', async (_name, query) => {
    const answer = await request(`${served.url}/v1/search${query}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      issues: expect.any(Array),
    });
  });
});
