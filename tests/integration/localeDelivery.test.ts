// Per-locale delivery over real HTTP: an edit only Korean readers see (a Korean text changed
// with its English kept current) costs English clients nothing: their REST and GraphQL GET
// ETags still get 304, their bundle keeps its contentHash, rev and sync token, and their
// lesson its contentHash; Korean clients get the new content. A Korean edit that outdates the
// English is a change for English readers too. On an instance answering live and on one with
// the response cache.
import { as } from '../helpers/editing.js';
import { serveApi, request, type HttpAnswer } from '../helpers/httpServer.js';
import { editKoreanDefinition, editKoreanMarkdown } from '../helpers/koreanEdits.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

type Served = Awaited<ReturnType<typeof serveApi>>;

const graphqlGet = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;
const CONCEPT = {
  enRest: '/v1/concepts/transformer?locale=en',
  koRest: '/v1/concepts/transformer?locale=ko',
  enGraphql: graphqlGet('{ concept(slug: "transformer", locale: EN) { term definition } }'),
  koGraphql: graphqlGet('{ concept(slug: "transformer", locale: KO) { term definition } }'),
};
const BUNDLE = {
  en: '/v1/lessons/introduction-to-llms/bundle?locales=en',
  ko: '/v1/lessons/introduction-to-llms/bundle?locales=ko',
  both: '/v1/lessons/introduction-to-llms/bundle?locales=ko,en',
};
const LESSON = {
  en: '/v1/lessons/introduction-to-llms?locale=en',
  ko: '/v1/lessons/introduction-to-llms?locale=ko',
};

describe.each([
  ['answering live', { RESPONSE_CACHE_BYTES: '0' }],
  ['with the response cache', {}],
])('an instance %s', (_case, env) => {
  let served: Served;
  beforeAll(async () => {
    served = await serveApi({ API_TOKENS: TEST_API_TOKENS, ...env });
  });
  afterAll(() => served.close());

  // Apollo refuses a GET without a preflight-forcing header (CSRF prevention).
  const get = (path: string, headers: Record<string, string> = {}): Promise<HttpAnswer> =>
    request(`${served.url}${path}`, {
      headers: { 'apollo-require-preflight': 'true', ...headers },
    });
  // The status of a revalidation with the ETag an earlier answer had.
  const revalidate = async (path: string, before: HttpAnswer, headers = {}) =>
    (await get(path, { ...headers, 'if-none-match': before.headers.get('etag')! })).status;
  const all = async <K extends string>(paths: Record<K, string>) => {
    const answers = {} as Record<K, HttpAnswer>;
    for (const [name, path] of Object.entries(paths) as [K, string][])
      answers[name] = await get(path);
    return answers;
  };

  it('keeps every English validator through a Korean edit whose English stays current', async () => {
    const concept = await all(CONCEPT);
    const byHeader = await get('/v1/concepts/transformer', { 'accept-language': 'en' });
    const bundle = await all(BUNDLE);

    await editKoreanDefinition(served, 'transformer', '바뀐 정의.', 'kept current');

    expect({
      restConcept: await revalidate(CONCEPT.enRest, concept.enRest),
      byAcceptLanguage: await revalidate('/v1/concepts/transformer', byHeader, {
        'accept-language': 'en',
      }),
      graphqlGet: await revalidate(CONCEPT.enGraphql, concept.enGraphql),
      bundle: await revalidate(BUNDLE.en, bundle.en),
    }).toEqual({ restConcept: 304, byAcceptLanguage: 304, graphqlGet: 304, bundle: 304 });
    // Korean clients, and a bundle holding both locales, are told of the change.
    expect({
      restConcept: await revalidate(CONCEPT.koRest, concept.koRest),
      graphqlGet: await revalidate(CONCEPT.koGraphql, concept.koGraphql),
      bundle: await revalidate(BUNDLE.ko, bundle.ko),
      bothLocales: await revalidate(BUNDLE.both, bundle.both),
    }).toEqual({ restConcept: 200, graphqlGet: 200, bundle: 200, bothLocales: 200 });
    expect(((await get(CONCEPT.koRest)).json as any).definition).toBe('바뀐 정의.');

    const after = await all(BUNDLE);
    const stable = (answer: HttpAnswer) => {
      const { contentHash, rev, syncToken } = answer.json as any;
      return { contentHash, rev, syncToken };
    };
    expect(stable(after.en)).toEqual(stable(bundle.en));
    expect((after.ko.json as any).contentHash).not.toBe((bundle.ko.json as any).contentHash);
    expect((after.ko.json as any).rev).toBeGreaterThan((bundle.ko.json as any).rev);
  });

  it('keeps the English lesson and bundle hashes through a Korean-only lesson edit', async () => {
    const lesson = await all(LESSON);
    const bundle = await all(BUNDLE);

    await editKoreanMarkdown(
      served,
      'introduction-to-llms',
      (ko) => ko.replace('새로운 콘텐츠를 생성하는', '새 콘텐츠를 만들어 내는'),
      'kept current',
    );

    expect(await revalidate(LESSON.en, lesson.en)).toBe(304);
    expect(await revalidate(LESSON.ko, lesson.ko)).toBe(200);
    const hash = async (path: string) => ((await get(path)).json as any).contentHash as string;
    expect(await hash(LESSON.en)).toBe((lesson.en.json as any).contentHash);
    expect(await hash(LESSON.ko)).not.toBe((lesson.ko.json as any).contentHash);
    expect(await hash(BUNDLE.en)).toBe((bundle.en.json as any).contentHash);
    expect(await hash(BUNDLE.ko)).not.toBe((bundle.ko.json as any).contentHash);
    // GraphQL serves the same hash per locale.
    const viaGraphql = await get(
      graphqlGet(
        '{ en: lesson(slug: "introduction-to-llms", locale: EN) { contentHash } ko: lesson(slug: "introduction-to-llms", locale: KO) { contentHash } }',
      ),
    );
    expect((viaGraphql.json as any).data).toEqual({
      en: { contentHash: await hash(LESSON.en) },
      ko: { contentHash: await hash(LESSON.ko) },
    });
  });

  it('changes the English validators for a Korean edit that outdates the English', async () => {
    const concept = await all(CONCEPT);
    const bundle = await all(BUNDLE);
    const version = (concept.enRest.json as any).version as number;

    // A plain patch of the Korean (kept published by an admin): the English stays as it was, now
    // an outdated translation.
    const edit = await as(
      'admin',
      served.url,
      'mutation($v: Int!) { updateConcept(slug: "transformer", patch: { definition: { ko: "다시 바뀐 정의." } }, expectedVersion: $v, allowUntranslated: true) { version } }',
      { v: version },
    );
    expect(edit.errors).toBeUndefined();

    expect(await revalidate(CONCEPT.enRest, concept.enRest)).toBe(200);
    expect(await revalidate(BUNDLE.en, bundle.en)).toBe(200);
    expect(((await get(BUNDLE.en)).json as any).rev).toBeGreaterThan((bundle.en.json as any).rev);
  });
});
