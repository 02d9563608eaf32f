// Anonymous readers learn nothing about content that was never public to them: not a draft's
// slug, its relations or its existence (sync, lessons, bundles, concepts, citations), and not
// that editors are at work (validators, caches and the revision they see stay put).
import { as, createDraft, outcome, revisionOf, versionOf } from '../helpers/editing.js';
import { graphql, request, serveApi } from '../helpers/httpServer.js';
import { sendRaw } from '../helpers/rawHttp.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const LESSON = 'introduction-to-llms';
const SECRET = 'secret-draft';

// Every page of an anonymous sync from a token (null: a full sync), bodies and tokens decoded.
async function syncText(since: string | null, first = 7): Promise<{ text: string; token: string }> {
  let token = since;
  let text = '';
  for (;;) {
    const query = new URLSearchParams({ first: String(first), ...(token ? { since: token } : {}) });
    const page = await request(`${served.url}/v1/sync?${query.toString()}`);
    expect(page.status).toBe(200);
    const body = page.json as { token: string; hasMore: boolean };
    text += page.text + Buffer.from(body.token, 'base64url').toString('utf8');
    token = body.token;
    if (!body.hasMore) return { text, token };
  }
}

// A draft concept, a relation from it to a published concept, and (unless told otherwise) a
// draft lesson linking it.
async function draftWork(options: { lesson: boolean } = { lesson: true }): Promise<void> {
  await createDraft(served.url, SECRET);
  const relation = await as(
    'editor',
    served.url,
    `mutation { addRelation(input: { from: "${SECRET}", kind: RELATED_TO, to: "gemini" }) { kind } }`,
  );
  expect(outcome(relation)).toBe('ok');
  if (!options.lesson) return;
  const lesson = await as(
    'editor',
    served.url,
    `mutation { upsertLesson(slug: "${SECRET}-lesson", markdown: "# 비밀\\n\\n## 절 {#a}\\n\\n[비밀](concept:${SECRET})\\n") { slug } }`,
  );
  expect(outcome(lesson)).toBe('ok');
}

describe('sync', () => {
  it('never names a draft in a full sync, on any page or in any token', async () => {
    await draftWork();
    const { text } = await syncText(null);
    expect(text).not.toContain(SECRET);
    const graph = await graphql<any>(
      served.url,
      '{ changes { token deleted { type slug } concepts { slug } } }',
    );
    expect(graph.data.changes.deleted).toEqual([]);
    expect(JSON.stringify(graph)).not.toContain(SECRET);
  });

  it('gives nothing to do for drafts edited, created or deleted since a token', async () => {
    const { token } = await syncText(null);
    await draftWork({ lesson: false });
    const version = await versionOf(served.url, SECRET);
    const deleted = await as(
      'admin',
      served.url,
      `mutation { deleteConcept(slug: "${SECRET}", expectedVersion: ${version}, cascade: true) { slug } }`,
    );
    expect(outcome(deleted)).toBe('ok');
    const delta = await request(`${served.url}/v1/sync?since=${token}`);
    expect(delta.json).toMatchObject({ hasMore: false, deleted: [], concepts: [], relations: [] });
    expect((delta.json as { token: string }).token).toBe(token);
    // Editors are told everything.
    const preview = await request(`${served.url}/v1/sync?since=${token}`, { headers: AS.editor });
    expect(preview.text).toContain(SECRET);
  });

  it('still withdraws what was public once', async () => {
    const { token } = await syncText(null);
    const version = await versionOf(served.url, 'gemini');
    await as(
      'admin',
      served.url,
      `mutation { unpublishConcept(slug: "gemini", expectedVersion: ${version}) { status } }`,
    );
    const delta = await request(`${served.url}/v1/sync?since=${token}`);
    expect((delta.json as any).deleted).toContainEqual({ type: 'concept', id: 'gemini' });
  });
});

describe('lessons linking concepts readers cannot see', () => {
  it('refuses to publish a lesson that links a draft', async () => {
    await draftWork();
    await as(
      'editor',
      served.url,
      `mutation { upsertLesson(slug: "${SECRET}-lesson", markdown: "# Secret\\n\\n## Part {#a}\\n\\n[secret](concept:${SECRET})\\n", locale: EN, expectedVersion: 1) { slug } }`,
    );
    const publish = await as(
      'admin',
      served.url,
      `mutation { publishLesson(slug: "${SECRET}-lesson", expectedVersion: 2) { status } }`,
    );
    expect(outcome(publish)).toBe('BAD_USER_INPUT');
    expect(publish.errors?.[0]?.extensions?.issues).toEqual([
      {
        path: ['sections', 0, `link concept:${SECRET}`],
        message: `links concept "${SECRET}", which is not published: publish it first, or unlink it`,
      },
    ]);
  });

  it('refuses an edit of a published lesson that would link a draft', async () => {
    await createDraft(served.url, SECRET);
    const current = await as(
      'admin',
      served.url,
      `{ lesson(slug: "${LESSON}", locale: KO) { version markdown } }`,
    );
    const markdown = `${current.data.lesson.markdown}\n[비밀](concept:${SECRET})\n`;
    const edit = await as(
      'admin',
      served.url,
      'mutation($md: String!, $v: Int) { upsertLesson(slug: "introduction-to-llms", markdown: $md, expectedVersion: $v) { version } }',
      { md: markdown, v: current.data.lesson.version },
    );
    expect(outcome(edit)).toBe('BAD_USER_INPUT');
    expect(edit.errors?.[0]?.extensions?.issues[0].message).toMatch(/which is not published/);
  });

  describe('a concept unpublished after the lesson was published', () => {
    const HIDDEN = 'few-shot-learning';
    beforeEach(async () => {
      const version = await versionOf(served.url, HIDDEN);
      const answer = await as(
        'admin',
        served.url,
        `mutation { unpublishConcept(slug: "${HIDDEN}", expectedVersion: ${version}) { status } }`,
      );
      expect(outcome(answer)).toBe('ok');
    });

    // Every concept a span links must be one the answer's reader may see.
    const spanLinks = (value: unknown): string[] =>
      JSON.stringify(value).match(/"concept":"[a-z0-9-]+"/g) ?? [];

    it('is unlinked in GraphQL: spans, markdown and concept lists', async () => {
      const answer = await graphql<any>(
        served.url,
        `{ lesson(slug: "${LESSON}", locale: KO) { markdown concepts { slug } sections { markdown concepts { slug } blocks { spans { text concept { slug } } } } } }`,
      );
      const text = JSON.stringify(answer);
      expect(text).not.toContain(`concept:${HIDDEN}`);
      expect(answer.data.lesson.concepts).not.toContainEqual({ slug: HIDDEN });
      // The linked words are still there, as plain text.
      expect(answer.data.lesson.markdown).toContain('퓨샷');
      const editor = await graphql<any>(
        served.url,
        `{ lesson(slug: "${LESSON}", locale: KO) { markdown } }`,
        undefined,
        AS.editor,
      );
      expect(editor.data.lesson.markdown).toContain(`concept:${HIDDEN}`);
    });

    it('is unlinked in REST and the bundle, with no link to a concept the bundle lacks', async () => {
      const lesson = await request(`${served.url}/v1/lessons/${LESSON}?locale=en`);
      expect(lesson.text).not.toContain(`concept:${HIDDEN}`);
      expect(spanLinks(lesson.json)).not.toContain(`"concept":"${HIDDEN}"`);
      expect((lesson.json as any).concepts).not.toContain(HIDDEN);

      const bundle = await request(`${served.url}/v1/lessons/${LESSON}/bundle?locales=ko,en`);
      const content = (bundle.json as any).content;
      for (const locale of ['ko', 'en']) {
        const shipped = new Set(content[locale].concepts.map((c: { slug: string }) => c.slug));
        const linked = spanLinks(content[locale].lesson).map((link) => link.slice(11, -1));
        expect(linked.filter((slug) => !shipped.has(slug))).toEqual([]);
        expect(JSON.stringify(content[locale].lesson)).not.toContain(`concept:${HIDDEN}`);
      }
    });

    it('is sent again, unlinked, to a syncing reader, and linked again once republished', async () => {
      // The token from before the unpublishing: restart the instance's history from scratch.
      await served.close();
      served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
      const { token } = await syncText(null);
      const version = await versionOf(served.url, HIDDEN);
      await as(
        'admin',
        served.url,
        `mutation { unpublishConcept(slug: "${HIDDEN}", expectedVersion: ${version}) { status } }`,
      );
      const delta = await request(`${served.url}/v1/sync?since=${token}`);
      const lesson = (delta.json as any).lessons.find((l: { slug: string }) => l.slug === LESSON);
      expect(lesson).toBeDefined();
      expect(JSON.stringify(lesson)).not.toContain(HIDDEN);
      expect((delta.json as any).deleted).toContainEqual({ type: 'concept', id: HIDDEN });

      const next = (delta.json as { token: string }).token;
      await as(
        'admin',
        served.url,
        `mutation { publishConcept(slug: "${HIDDEN}", expectedVersion: ${version + 1}) { status } }`,
      );
      const again = await request(`${served.url}/v1/sync?since=${next}`);
      const relinked = (again.json as any).lessons.find((l: { slug: string }) => l.slug === LESSON);
      expect(spanLinks(relinked)).toContain(`"concept":"${HIDDEN}"`);
    });
  });
});

describe('citations of draft lessons', () => {
  it('are left out of public concepts and relations on every face', async () => {
    await as(
      'admin',
      served.url,
      'mutation { upsertLesson(slug: "draft-lesson", markdown: "# 초안\\n\\n## 절 {#part}\\n\\n본문\\n") { slug } }',
    );
    const version = await versionOf(served.url, 'encoder');
    const cite = await as(
      'admin',
      served.url,
      `mutation { updateConcept(slug: "encoder", expectedVersion: ${version}, patch: { sources: [{ lesson: "draft-lesson", section: "part" }] }) { version } }`,
    );
    expect(outcome(cite)).toBe('ok');
    for (const path of ['/v1/concepts/encoder', '/v1/sync', `/v1/lessons/${LESSON}/bundle`]) {
      const answer = await request(`${served.url}${path}`);
      expect(answer.text).not.toContain('draft-lesson');
    }
    const editor = await request(`${served.url}/v1/concepts/encoder`, { headers: AS.editor });
    expect(editor.text).toContain('draft-lesson');
  });
});

describe('public validators and caches', () => {
  const PUBLIC = [
    '/v1/concepts/gemini?locale=en',
    '/v1/concepts?limit=5',
    `/v1/lessons/${LESSON}`,
    `/v1/lessons/${LESSON}/bundle`,
    '/v1/sync',
    `/graphql?query=${encodeURIComponent('{ changes { token } lessonBundle(slug: "introduction-to-llms") { rev syncToken } }')}`,
  ];
  // node:http, not fetch: fetch marks a conditional request `Cache-Control: no-cache`, which
  // (rightly) turns a 304 into a 200.
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await sendRaw(`${served.url}${path}`, 'GET', {
      'apollo-require-preflight': 'true',
      ...headers,
    });
    const etag = answer.headers.etag;
    return {
      status: answer.status,
      etag: typeof etag === 'string' ? etag : undefined,
      text: answer.body.toString(),
    };
  };

  it('stay the same while editors work on drafts, and move with public content', async () => {
    const before = await Promise.all(PUBLIC.map((path) => get(path)));
    for (const answer of before) expect(answer.etag).toBeTruthy();
    const publicRev = await revisionOf(served.url, 'anonymous');
    const rev = await revisionOf(served.url);

    await draftWork();
    await as(
      'editor',
      served.url,
      `mutation { updateConcept(slug: "${SECRET}", expectedVersion: 1, patch: { aliases: ["S"] }) { version } }`,
    );
    expect(await revisionOf(served.url)).toBeGreaterThan(rev);
    expect(await revisionOf(served.url, 'anonymous')).toBe(publicRev);

    for (const [i, path] of PUBLIC.entries()) {
      const etag = before[i]!.etag!;
      const again = await get(path, { 'if-none-match': etag });
      expect([path, again.status]).toEqual([path, 304]);
      const fresh = await get(path);
      expect([path, fresh.text]).toEqual([path, before[i]!.text]);
    }

    const version = await versionOf(served.url, 'gemini');
    await as(
      'admin',
      served.url,
      `mutation { updateConcept(slug: "gemini", expectedVersion: ${version}, patch: { aliases: ["Gemini", "제미나이", "GEM"] }) { version } }`,
    );
    expect(await revisionOf(served.url, 'anonymous')).toBeGreaterThan(publicRev);
    const changed = await get(PUBLIC[0]!, { 'if-none-match': before[0]!.etag! });
    expect(changed.status).toBe(200);
  });
});
