// The translation workflow through GraphQL, on the embedded store and on Firestore (the official
// emulator): a Korean edit outdates its English in the same commit; the queue lists it with the
// Korean change as a diff; a translator fixes or confirms it; publishing (and editing published
// content) refuses English that is not current unless an admin overrides, which the history
// records; "needs no retranslation" keeps English current; lessons are tracked per section.
import { as, outcome } from '../helpers/editing.js';
import {
  describeWithEmulator,
  seededProject,
  startEmulator,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';
import { request, serveApi } from '../helpers/httpServer.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

type Served = Awaited<ReturnType<typeof serveApi>>;

const STATUS =
  'query($t: TranslatableType!, $id: ID!) { translationStatus(type: $t, id: $id) { version since translation { state outdated missing fields { path state source translation translatedFrom sourceDiff { kind text } sourceChangedAt translatedBy } } } }';
const UPDATE =
  'mutation($s: ID!, $p: ConceptPatch!, $v: Int, $keep: Boolean, $allow: Boolean) { updateConcept(slug: $s, patch: $p, expectedVersion: $v, needsRetranslation: $keep, allowUntranslated: $allow) { version } }';
const QUEUE =
  'query($states: [TranslationState!], $first: Int, $after: String) { translationQueue(states: $states, first: $first, after: $after) { totalCount edges { cursor node { type id title since translation { state fields { path state } } } } pageInfo { hasNextPage endCursor } } }';
const HISTORY =
  'query($s: ID!) { conceptHistory(slug: $s, limit: 5) { version updatedBy translationEvents { kind paths } } }';

async function koreanConcept(url: string, slug: string) {
  const answer = await as(
    'admin',
    url,
    `{ concept(slug: "${slug}", locale: KO) { version definition summary } }`,
  );
  return answer.data.concept as { version: number; definition: string; summary: string };
}

async function status(url: string, id: string, type = 'CONCEPT') {
  const answer = await as('editor', url, STATUS, { t: type, id });
  expect(answer.errors).toBeUndefined();
  return answer.data.translationStatus;
}

function defineWorkflow(start: () => Promise<Served>) {
  let served: Served;
  beforeAll(async () => {
    served = await start();
  }, 90_000);
  afterAll(() => served?.close());

  it('ships every text CURRENT, and tells anonymous readers translation state is not theirs', async () => {
    const encoder = await status(served.url, 'encoder');
    expect(encoder.translation).toMatchObject({
      state: 'CURRENT',
      outdated: 0,
      missing: 0,
      fields: [],
    });
    const anonymous = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "encoder") { translation { state } } }',
    );
    expect(outcome(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('outdates the English of a Korean edit, lists it in the queue with the diff, and makes it current by confirmation', async () => {
    const before = await koreanConcept(served.url, 'encoder');
    const changed = `${before.definition} (수정됨)`;
    // Published: the edit would leave English outdated, so it is refused without an override.
    const refused = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      p: { definition: { ko: changed } },
      v: before.version,
    });
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.issues).toEqual([
      {
        path: ['patch', 'definition'],
        message: 'has outdated English: the Korean changed since it was translated',
      },
    ]);
    const editorOverride = await as('editor', served.url, UPDATE, {
      s: 'encoder',
      p: { definition: { ko: changed } },
      v: before.version,
      allow: true,
    });
    expect(outcome(editorOverride)).toBe('FORBIDDEN');

    const saved = await as('admin', served.url, UPDATE, {
      s: 'encoder',
      p: { definition: { ko: changed } },
      v: before.version,
      allow: true,
    });
    expect(saved.errors).toBeUndefined();
    const outdated = await status(served.url, 'encoder');
    expect(outdated.translation).toMatchObject({ state: 'OUTDATED', outdated: 1 });
    const [field] = outdated.translation.fields;
    expect(field).toMatchObject({
      path: 'definition',
      state: 'OUTDATED',
      source: changed,
      translatedFrom: before.definition,
    });
    expect(field.sourceDiff).toEqual([
      { kind: 'SAME', text: before.definition },
      { kind: 'ADDED', text: ' (수정됨)' },
    ]);
    expect(Date.parse(field.sourceChangedAt)).not.toBeNaN();
    const history = await as('admin', served.url, HISTORY, { s: 'encoder' });
    expect(history.data.conceptHistory[0].translationEvents).toEqual([
      { kind: 'PUBLISHED_OUTDATED', paths: ['definition'] },
    ]);

    const queue = await as('editor', served.url, QUEUE, { states: ['OUTDATED'] });
    expect(queue.data.translationQueue.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        type: 'CONCEPT',
        id: 'encoder',
        translation: { state: 'OUTDATED', fields: [{ path: 'definition', state: 'OUTDATED' }] },
      }),
    ]);

    const notOutdated = await as(
      'editor',
      served.url,
      'mutation($v: Int) { confirmTranslation(type: CONCEPT, id: "encoder", paths: ["summary", "nope"], expectedVersion: $v) { version } }',
      { v: outdated.version },
    );
    expect(outcome(notOutdated)).toBe('BAD_USER_INPUT');
    expect(notOutdated.errors![0]!.extensions!.issues).toHaveLength(2);
    const confirmed = await as(
      'editor',
      served.url,
      'mutation($v: Int) { confirmTranslation(type: CONCEPT, id: "encoder", paths: ["definition"], expectedVersion: $v) { version translation { state } } }',
      { v: outdated.version },
    );
    expect(confirmed.data.confirmTranslation).toEqual({
      version: outdated.version + 1,
      translation: { state: 'CURRENT' },
    });
    const after = await status(served.url, 'encoder');
    expect(after.translation.state).toBe('CURRENT');
    const [latest] = (await as('admin', served.url, HISTORY, { s: 'encoder' })).data.conceptHistory;
    expect(latest).toMatchObject({
      updatedBy: expect.stringMatching(/^editor:/),
      translationEvents: [{ kind: 'CONFIRMED', paths: ['definition'] }],
    });
    expect(
      (await as('editor', served.url, QUEUE, { states: ['OUTDATED'] })).data.translationQueue
        .totalCount,
    ).toBe(0);
  });

  it('keeps English current across a Korean fix that needs no retranslation, and records who said so', async () => {
    const before = await koreanConcept(served.url, 'decoder');
    const answer = await as('admin', served.url, UPDATE, {
      s: 'decoder',
      p: { summary: { ko: `${before.summary} ` + '.' } },
      v: before.version,
      keep: false,
    });
    expect(answer.errors).toBeUndefined();
    expect((await status(served.url, 'decoder')).translation.state).toBe('CURRENT');
    const [latest] = (await as('admin', served.url, HISTORY, { s: 'decoder' })).data.conceptHistory;
    expect(latest).toMatchObject({
      updatedBy: expect.stringMatching(/^admin:/),
      translationEvents: [{ kind: 'KEPT_CURRENT', paths: ['summary'] }],
    });
  });

  it('makes English current again when a translator rewrites it', async () => {
    const before = await koreanConcept(served.url, 'transformer');
    await as('admin', served.url, UPDATE, {
      s: 'transformer',
      p: { summary: { ko: '새 요약.' } },
      v: before.version,
      allow: true,
    });
    const outdated = await status(served.url, 'transformer');
    expect(outdated.translation.fields.map((f: any) => f.path)).toEqual(['summary']);
    // Readers of English are told what they got is outdated; readers of Korean are not.
    const graphqlEnglish = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "transformer", locale: EN) { summary definition } }',
    );
    expect(graphqlEnglish.extensions?.locale).toMatchObject({
      outdated: ['concept.summary'],
      outdatedTotal: 1,
    });
    const graphqlKorean = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "transformer", locale: KO) { summary } }',
    );
    expect(graphqlKorean.extensions?.locale).toBeUndefined();
    const rest = await fetch(`${served.url}/v1/concepts/transformer?locale=en`);
    expect(((await rest.json()) as { outdated?: string[] }).outdated).toEqual(['summary']);
    const bundle = await fetch(`${served.url}/v1/lessons/introduction-to-llms/bundle?locales=en`);
    const transformer = ((await bundle.json()) as any).content.en.concepts.find(
      (c: any) => c.slug === 'transformer',
    );
    expect(transformer.outdated).toEqual(['summary']);
    const rewritten = await as(
      'admin',
      served.url,
      'mutation($v: Int) { updateTranslations(type: CONCEPT, id: "transformer", expectedVersion: $v, translations: [{ path: "summary", text: "A new summary." }]) { translation { state } } }',
      { v: outdated.version },
    );
    expect(rewritten.data.updateTranslations.translation.state).toBe('CURRENT');
    const english = await as(
      'anonymous',
      served.url,
      '{ concept(slug: "transformer", locale: EN) { summary } }',
    );
    expect(english.data.concept.summary).toBe('A new summary.');
  });

  it('refuses to publish outdated English unless an admin overrides, and records the override', async () => {
    const created = await as(
      'admin',
      served.url,
      'mutation { createConcept(input: { slug: "rag", category: "fundamentals", term: { ko: "검색 증강 생성", en: "Retrieval-augmented generation" }, summary: { ko: "요약.", en: "Summary." }, definition: { ko: "정의.", en: "Definition." } }) { version } }',
    );
    const draftEdit = await as('editor', served.url, UPDATE, {
      s: 'rag',
      p: { definition: { ko: '새 정의.' } },
      v: created.data.createConcept.version,
    });
    expect(draftEdit.errors).toBeUndefined(); // drafts may hold outdated English
    const refused = await as(
      'admin',
      served.url,
      'mutation { publishConcept(slug: "rag", expectedVersion: 2) { status } }',
    );
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.issues).toEqual([
      {
        path: ['definition'],
        message: 'has outdated English: the Korean changed since it was translated',
      },
    ]);
    const published = await as(
      'admin',
      served.url,
      'mutation { publishConcept(slug: "rag", expectedVersion: 2, allowUntranslated: true) { status } }',
    );
    expect(published.data.publishConcept.status).toBe('PUBLISHED');
    const [latest] = (await as('admin', served.url, HISTORY, { s: 'rag' })).data.conceptHistory;
    expect(latest.translationEvents).toEqual([
      { kind: 'PUBLISHED_OUTDATED', paths: ['definition'] },
    ]);
  });

  it("serves the queue and one document's state over REST, to editors and admins only", async () => {
    const before = await koreanConcept(served.url, 'chatbot');
    const saved = await as('admin', served.url, UPDATE, {
      s: 'chatbot',
      p: { definition: { ko: '바뀐 정의.' } },
      v: before.version,
      allow: true,
    });
    expect(saved.errors).toBeUndefined();
    const anonymous = await request(`${served.url}/v1/translations`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const queue = await request(`${served.url}/v1/translations?state=outdated&type=concept`, {
      headers: AS.editor,
    });
    expect(queue.status).toBe(200);
    expect(queue.headers.get('cache-control')).toBe('private, no-store');
    const items = (queue.json as any).items;
    expect(items.map((item: any) => item.id)).toContain('chatbot');
    const one = await request(`${served.url}/v1/translations/concept/chatbot`, {
      headers: AS.editor,
    });
    expect((one.json as any).translation).toMatchObject({
      locale: 'en',
      state: 'OUTDATED',
      outdated: 1,
      fields: [
        {
          path: 'definition',
          state: 'OUTDATED',
          source: '바뀐 정의.',
          translatedFrom: before.definition,
        },
      ],
    });
    const korean = await request(`${served.url}/v1/translations?locale=ko`, { headers: AS.editor });
    expect(korean.status).toBe(400);
    const unknown = await request(`${served.url}/v1/translations/concept/no-such-concept`, {
      headers: AS.editor,
    });
    expect(unknown.status).toBe(404);
    const openapi = (await request(`${served.url}/v1/openapi.json`)).json as any;
    expect(openapi.paths['/v1/translations'].get.security).toEqual([{ bearer: [] }]);
  });

  it('tracks a lesson per section: a Korean change in one section flags that section only', async () => {
    const lesson = await as(
      'admin',
      served.url,
      '{ lesson(slug: "introduction-to-llms", locale: KO) { version markdown sections { anchor } } }',
    );
    const { version, markdown } = lesson.data.lesson;
    const edited = markdown.replace('## 프롬프트 디자인', '## 프롬프트 디자인 (개정)');
    expect(edited).not.toBe(markdown);
    const upsert =
      'mutation($m: String!, $v: Int, $allow: Boolean) { upsertLesson(slug: "introduction-to-llms", markdown: $m, expectedVersion: $v, allowUntranslated: $allow) { version } }';
    expect(outcome(await as('admin', served.url, upsert, { m: edited, v: version }))).toBe(
      'BAD_USER_INPUT',
    );
    const saved = await as('admin', served.url, upsert, { m: edited, v: version, allow: true });
    expect(saved.errors).toBeUndefined();
    const state = await status(served.url, 'introduction-to-llms', 'LESSON');
    expect(state.translation.fields).toHaveLength(1);
    expect(state.translation.fields[0]).toMatchObject({
      state: 'OUTDATED',
      path: expect.stringMatching(/^sections\./),
    });
    expect(state.translation.fields[0].translatedFrom).toContain('## 프롬프트 디자인');
    const anchor = state.translation.fields[0].path.replace('sections.', '');
    const english = await as(
      'admin',
      served.url,
      `{ lesson(slug: "introduction-to-llms", locale: EN) { sections { anchor blocks { type } } } }`,
    );
    const index = english.data.lesson.sections.findIndex((s: any) => s.anchor === anchor);
    expect(english.extensions?.locale?.outdated).toEqual([`lesson.sections.${index}.blocks`]);
  });
}

describe('translation workflow on the embedded store', () => {
  defineWorkflow(() => serveApi({ API_TOKENS: TEST_API_TOKENS }));
});

describeWithEmulator('translation workflow on Firestore', () => {
  let emulator: RunningEmulator;
  defineWorkflow(async () => {
    emulator = await startEmulator();
    const projectId = await seededProject(emulator);
    const served = await serveApi({
      STORE: 'firestore',
      GOOGLE_CLOUD_PROJECT: projectId,
      FIRESTORE_EMULATOR_HOST: emulator.host,
      STORE_TIMEOUT_MS: '20000',
      API_TOKENS: TEST_API_TOKENS,
    });
    return {
      ...served,
      close: async () => {
        await served.close();
        await emulator.stop();
      },
    };
  });
});
