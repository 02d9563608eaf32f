// Who may do what: every mutation (and the history query) × anonymous / editor / admin, each on a
// fresh instance. A refusal is UNAUTHENTICATED or FORBIDDEN and writes nothing.
import { serveApi } from '../helpers/httpServer.js';
import { as, createDraft, draftInput, outcome, revisionOf, versionOf } from '../helpers/editing.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

type Viewer = 'anonymous' | 'editor' | 'admin';
interface Case {
  name: string;
  /** Prepares the instance (as admin) and returns the operation's variables. */
  setup?: (url: string) => Promise<Record<string, unknown>>;
  query: string;
  variables?: Record<string, unknown>;
  expect: Record<Viewer, string>;
}

const EDITOR_MAY = { anonymous: 'UNAUTHENTICATED', editor: 'ok', admin: 'ok' };
const ADMIN_ONLY = { anonymous: 'UNAUTHENTICATED', editor: 'FORBIDDEN', admin: 'ok' };

const cases: Case[] = [
  {
    name: 'createConcept',
    query: 'mutation($i: ConceptInput!) { createConcept(input: $i) { slug status } }',
    variables: { i: draftInput('new-draft') },
    expect: EDITOR_MAY,
  },
  {
    name: 'updateConcept on a draft',
    setup: async (url) => ({ v: await createDraft(url, 'a-draft') }),
    query:
      'mutation($v: Int) { updateConcept(slug: "a-draft", patch: { aliases: ["X"] }, expectedVersion: $v) { version } }',
    expect: EDITOR_MAY,
  },
  {
    name: 'updateConcept on a published concept',
    setup: async (url) => ({ v: await versionOf(url, 'encoder') }),
    query:
      'mutation($v: Int) { updateConcept(slug: "encoder", patch: { aliases: ["ENC"] }, expectedVersion: $v) { version } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'deleteConcept',
    setup: async (url) => ({ v: await createDraft(url, 'doomed') }),
    query: 'mutation($v: Int) { deleteConcept(slug: "doomed", expectedVersion: $v) { type slug } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'publishConcept',
    setup: async (url) => ({ v: await createDraft(url, 'ready') }),
    query: 'mutation($v: Int) { publishConcept(slug: "ready", expectedVersion: $v) { status } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'unpublishConcept',
    setup: async (url) => ({ v: await versionOf(url, 'encoder') }),
    query:
      'mutation($v: Int) { unpublishConcept(slug: "encoder", expectedVersion: $v) { status } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'addRelation from a draft',
    setup: async (url) => {
      await createDraft(url, 'a-draft');
      return {};
    },
    query:
      'mutation { addRelation(input: { from: "a-draft", kind: RELATED_TO, to: "gemini" }) { kind concept { slug } } }',
    expect: EDITOR_MAY,
  },
  {
    name: 'addRelation between two published concepts (live at once)',
    query:
      'mutation { addRelation(input: { from: "encoder", kind: RELATED_TO, to: "gemini" }) { kind concept { slug } } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'removeRelation',
    query: 'mutation { removeRelation(from: "encoder", kind: PART_OF, to: "transformer") }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'upsertLesson creating a draft lesson',
    query:
      'mutation { upsertLesson(slug: "new-lesson", markdown: "# 새 수업\\n\\n## 첫 절 {#first}\\n\\n본문.\\n") { slug status } }',
    expect: EDITOR_MAY,
  },
  {
    name: 'upsertLesson replacing a published lesson',
    setup: async (url) => {
      const answer = await as(
        'admin',
        url,
        '{ lesson(slug: "introduction-to-llms", locale: KO) { version markdown } }',
      );
      return { v: answer.data.lesson.version, md: answer.data.lesson.markdown };
    },
    query:
      'mutation($v: Int, $md: String!) { upsertLesson(slug: "introduction-to-llms", markdown: $md, expectedVersion: $v) { version } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'publishLesson',
    setup: async (url) => {
      await as(
        'admin',
        url,
        'mutation { upsertLesson(slug: "l2", markdown: "## 가 {#a}\\n", title: { ko: "가", en: "A" }) { slug } }',
      );
      await as(
        'admin',
        url,
        'mutation { upsertLesson(slug: "l2", markdown: "## A {#a}\\n", locale: EN, expectedVersion: 1) { slug } }',
      );
      return {};
    },
    query: 'mutation { publishLesson(slug: "l2", expectedVersion: 2) { status } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'unpublishLesson',
    query:
      'mutation { unpublishLesson(slug: "introduction-to-llms", expectedVersion: 1) { status } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'createCategory',
    query:
      'mutation { createCategory(input: { slug: "evaluation", name: { ko: "평가", en: "Evaluation" }, order: 6 }) { slug } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'updateCategory',
    query:
      'mutation { updateCategory(slug: "prompting", patch: { order: 9 }, expectedVersion: 1) { order } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'importContent',
    query: 'mutation($b: JSON!) { importContent(bundle: $b, dryRun: true) { dryRun written } }',
    variables: { b: { categories: [], concepts: [], relations: [], comparisons: [], lessons: [] } },
    expect: ADMIN_ONLY,
  },
  {
    name: 'restoreConcept on a draft',
    setup: async (url) => {
      await createDraft(url, 'a-draft');
      await as(
        'admin',
        url,
        'mutation { updateConcept(slug: "a-draft", patch: { aliases: ["X"] }, expectedVersion: 1) { version } }',
      );
      return {};
    },
    query:
      'mutation { restoreConcept(slug: "a-draft", version: 1, expectedVersion: 2) { version } }',
    expect: EDITOR_MAY,
  },
  {
    name: 'restoreConcept on a published concept',
    setup: async (url) => ({ v: await versionOf(url, 'encoder') }),
    query:
      'mutation($v: Int!) { restoreConcept(slug: "encoder", version: $v, expectedVersion: $v) { version } }',
    expect: ADMIN_ONLY,
  },
  {
    name: 'conceptHistory (query)',
    query: '{ conceptHistory(slug: "encoder") { version updatedBy } }',
    expect: ADMIN_ONLY,
  },
];

const matrix = cases.flatMap((c) =>
  (['anonymous', 'editor', 'admin'] as const).map((viewer) => [c.name, viewer, c] as const),
);

describe('mutation permissions', () => {
  it.each(matrix)('%s as %s', async (_name, viewer, c) => {
    const served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
    try {
      const variables = { ...c.variables, ...(await c.setup?.(served.url)) };
      const before = await revisionOf(served.url);
      const answer = await as(viewer, served.url, c.query, variables);
      expect({ viewer, result: outcome(answer) }).toEqual({ viewer, result: c.expect[viewer] });
      const after = await revisionOf(served.url);
      const writes = c.name.includes('(query)') || c.name === 'importContent' ? 0 : 1;
      expect(after - before).toBe(outcome(answer) === 'ok' ? writes : 0);
    } finally {
      await served.close();
    }
  });
});

describe('tokens', () => {
  it('refuses a wrong token with 401 UNAUTHENTICATED, even for a read', async () => {
    const served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
    try {
      const answer = await fetch(`${served.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token' },
        body: JSON.stringify({ query: '{ lessons { slug } }' }),
      });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(await answer.json()).toEqual({
        errors: [
          { message: 'The bearer token is not valid.', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
      const malformed = await fetch(`${served.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
        body: JSON.stringify({ query: '{ lessons { slug } }' }),
      });
      expect(malformed.status).toBe(401);
    } finally {
      await served.close();
    }
  });

  it('is read-only in production without API_TOKENS', async () => {
    const served = await serveApi({ NODE_ENV: 'production' });
    try {
      const answer = await as(
        'anonymous',
        served.url,
        'mutation($i: ConceptInput!) { createConcept(input: $i) { slug } }',
        {
          i: draftInput('nope'),
        },
      );
      expect(outcome(answer)).toBe('FORBIDDEN');
      expect(answer.errors![0]!.message).toMatch(/read-only/);
      expect(await revisionOf(served.url, 'anonymous')).toBe(1);
    } finally {
      await served.close();
    }
  });
});
