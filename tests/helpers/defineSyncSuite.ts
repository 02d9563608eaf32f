import type { Api } from '../../src/app.js';
import { as, versionOf } from './editing.js';
import { request, type ServedFunction } from './httpServer.js';
import { editKoreanDefinition } from './koreanEdits.js';
import {
  applyPage,
  copyContent,
  emptyCopy,
  freshCopy,
  publishedConcept,
  summary,
  syncAll,
} from './syncScenario.js';

/**
 * The delta-sync promises, on whichever store `serve` puts behind the API: paged full syncs
 * equal a one-page full sync; after an edit and a delete the next sync returns exactly those;
 * unpublishing withdraws a concept with its relations and republishing brings them back; a
 * copy kept by applying every sync always equals a fresh full fetch; and a sync in one locale
 * sends only what changed for its readers.
 */
export function defineSyncSuite(serve: () => Promise<ServedFunction & { api: Api }>): void {
  let server: ServedFunction & { api: Api };
  beforeAll(async () => {
    server = await serve();
  }, 90_000);
  afterAll(() => server?.close());

  it('keeps a client copy equal to a fresh full fetch through edits, deletes and (un)publishing', async () => {
    await publishedConcept(server, 'temp-concept');
    const copy = emptyCopy();
    const first = await syncAll(server, null);
    expect(first.pages.length).toBeGreaterThan(5);
    first.pages.forEach((page) => applyPage(copy, page));
    expect(copyContent(copy)).toEqual(copyContent(await freshCopy(server)));
    expect(copy.concepts.has('temp-concept')).toBe(true);

    // An admin edits one concept and deletes another: the next sync is exactly that.
    const v = await versionOf(server.url, 'encoder');
    await as(
      'admin',
      server.url,
      `mutation { updateConcept(slug: "encoder", patch: { aliases: ["Encoder", "ENC"] }, expectedVersion: ${v}) { version } }`,
    );
    await as(
      'admin',
      server.url,
      'mutation { deleteConcept(slug: "temp-concept", expectedVersion: 2) { slug } }',
    );
    const second = await syncAll(server, first.token);
    expect(summary(second.pages)).toEqual({
      categories: [],
      concepts: ['encoder'],
      relations: [],
      comparisons: [],
      lessons: [],
      deleted: ['concept:temp-concept'],
    });
    second.pages.forEach((page) => applyPage(copy, page));
    expect(copy.concepts.get('encoder')!.aliases).toEqual(['Encoder', 'ENC']);
    expect(copyContent(copy)).toEqual(copyContent(await freshCopy(server)));

    // Nothing changed: an empty page, the same position.
    const idle = await syncAll(server, second.token);
    expect(summary(idle.pages).concepts).toEqual([]);
    expect(idle.token).toBe(second.token);

    // Unpublishing withdraws the concept and its relations from anonymous copies.
    const g = await versionOf(server.url, 'gemini');
    await as(
      'admin',
      server.url,
      `mutation { unpublishConcept(slug: "gemini", expectedVersion: ${g}) { status } }`,
    );
    const third = await syncAll(server, second.token);
    const withdrawn = summary(third.pages);
    expect(withdrawn.deleted).toContain('concept:gemini');
    expect(
      withdrawn.deleted.filter((d: string) => d.startsWith('relation:')).length,
    ).toBeGreaterThan(0);
    third.pages.forEach((page) => applyPage(copy, page));
    expect(copyContent(copy)).toEqual(copyContent(await freshCopy(server)));

    // Republishing brings both back.
    await as(
      'admin',
      server.url,
      `mutation { publishConcept(slug: "gemini", expectedVersion: ${g + 1}) { status } }`,
    );
    const fourth = await syncAll(server, third.token);
    expect(summary(fourth.pages).concepts).toContain('gemini');
    fourth.pages.forEach((page) => applyPage(copy, page));
    expect(copyContent(copy)).toEqual(copyContent(await freshCopy(server)));

    // GraphQL's changes() is the same feed.
    const graphql = await as(
      'anonymous',
      server.url,
      'query($s: String) { changes(since: $s, locale: EN) { token hasMore concepts { slug } deleted { type slug } } }',
      { s: third.token },
    );
    expect(graphql.data.changes.token).toBe(fourth.token);
    expect(graphql.data.changes.concepts.map((c: any) => c.slug).sort()).toEqual(
      summary(fourth.pages).concepts.sort(),
    );
  }, 60_000);

  it('sends English readers nothing for a Korean edit whose English stays current, and Korean readers the edit', async () => {
    const english = await syncAll(server, null, 1000, 'en');
    const korean = await syncAll(server, null, 1000, 'ko');
    // What GraphQL's changes() lists from a token, in a locale.
    const graphqlChanges = async (since: string, locale: 'EN' | 'KO') => {
      const answer = await as(
        'anonymous',
        server.url,
        'query($s: String, $l: Locale) { changes(since: $s, locale: $l) { token concepts { slug } } }',
        { s: since, l: locale },
      );
      const { token, concepts } = answer.data.changes as {
        token: string;
        concepts: { slug: string }[];
      };
      return { token, concepts: concepts.map((c) => c.slug) };
    };

    await editKoreanDefinition(
      server,
      'decoder',
      '표현으로부터 출력을 만드는 부분.',
      'kept current',
    );

    const idle = await syncAll(server, english.token, 7, 'en');
    expect(summary(idle.pages).concepts).toEqual([]);
    // Nothing to do for English readers: not even a new position.
    expect(idle.token).toBe(english.token);
    expect(await graphqlChanges(english.token, 'EN')).toEqual({
      token: english.token,
      concepts: [],
    });
    const edited = await syncAll(server, korean.token, 7, 'ko');
    expect(summary(edited.pages).concepts).toEqual(['decoder']);
    expect(edited.pages[0]!.concepts[0].definition).toBe('표현으로부터 출력을 만드는 부분.');
    expect((await graphqlChanges(korean.token, 'KO')).concepts).toEqual(['decoder']);

    // A Korean edit that outdates the English is a change for English readers.
    const v = await versionOf(server.url, 'decoder');
    const outdating = await as(
      'admin',
      server.url,
      `mutation { updateConcept(slug: "decoder", patch: { definition: { ko: "다시 바뀐 정의." } }, expectedVersion: ${v}, allowUntranslated: true) { version } }`,
    );
    expect(outdating.errors).toBeUndefined();
    const sent = await syncAll(server, idle.token, 7, 'en');
    expect(summary(sent.pages).concepts).toEqual(['decoder']);
    expect(sent.token).not.toBe(idle.token);
    expect((await graphqlChanges(idle.token, 'EN')).concepts).toEqual(['decoder']);
  }, 60_000);

  it('asks for a full sync when a token is not ours or comes from another store history', async () => {
    const garbage = await request(`${server.url}/v1/sync?since=garbage`);
    expect(garbage.status).toBe(410);
    expect(garbage.json).toMatchObject({
      code: 'FULL_SYNC_REQUIRED',
      detail: expect.stringMatching(/without "since"/),
    });
    const otherEpoch = Buffer.from(JSON.stringify({ v: 1, e: 'another-store', s: 1 })).toString(
      'base64url',
    );
    const other = await request(`${server.url}/v1/sync?since=${otherEpoch}`);
    expect(other.status).toBe(410);
    const ahead = (await request(`${server.url}/v1/sync?first=1`)).json as any;
    const decoded = JSON.parse(Buffer.from(ahead.token, 'base64url').toString());
    const future = Buffer.from(
      JSON.stringify({ ...decoded, s: 10_000, u: undefined, a: undefined }),
    ).toString('base64url');
    expect((await request(`${server.url}/v1/sync?since=${future}`)).status).toBe(410);
    const viaGraphql = await as('anonymous', server.url, '{ changes(since: "garbage") { token } }');
    expect(viaGraphql.errors![0]!.extensions!.code).toBe('FULL_SYNC_REQUIRED');
  });
}
