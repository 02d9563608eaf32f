// The pull feed over the outbox (`events`), through the real function: every committed edit is
// there once, in commit order, with the same fields a webhook carries; the cursor continues where
// it stopped (also across an empty page) and a foreign cursor is FULL_SYNC_REQUIRED; filters by
// name; editors and admins only; and a refused edit leaves no event.
import { serveApi } from '../helpers/httpServer.js';
import { as, createDraft, versionOf } from '../helpers/editing.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

let served: Awaited<ReturnType<typeof serveApi>>;
beforeEach(async () => {
  served = await serveApi({ API_TOKENS: TEST_API_TOKENS });
});
afterEach(() => served.close());

const FEED =
  'query($a: String, $f: Int, $e: [String!]) { events(after: $a, first: $f, events: $e) { cursor hasMore events { id name rev type documentId version action locales status translation { state changed } actor } } }';
const PUBLISH =
  'mutation($s: ID!, $v: Int) { publishConcept(slug: $s, expectedVersion: $v) { version } }';

// The feed's end: the shipped course is imported at start (one event per document).
async function endOfFeed(): Promise<string> {
  let cursor: string | null = null;
  for (;;) {
    const answer = await as('admin', served.url, FEED, { a: cursor, f: 500 });
    const page = answer.data.events as { cursor: string; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return page.cursor;
  }
}

describe('the event feed', () => {
  it('holds the course import, then each edit once, in commit order, with what happened', async () => {
    const first = (await as('editor', served.url, FEED, { f: 3 })).data.events;
    expect(first.hasMore).toBe(true);
    expect(first.events).toHaveLength(3);
    expect(first.events[0]).toMatchObject({ rev: 1, action: 'CREATED', actor: 'importer' });

    const start = await endOfFeed();
    await createDraft(served.url, 'event-check');
    await as('admin', served.url, PUBLISH, {
      s: 'event-check',
      v: await versionOf(served.url, 'event-check'),
    });
    const page = (await as('editor', served.url, FEED, { a: start })).data.events;
    expect(page.hasMore).toBe(false);
    expect(page.events.map((e: { name: string; version: number }) => [e.name, e.version])).toEqual([
      ['concept.created', 1],
      ['concept.published', 2],
    ]);
    expect(page.events[0]).toMatchObject({
      type: 'CONCEPT',
      documentId: 'event-check',
      locales: ['KO', 'EN'],
      status: 'DRAFT',
      translation: null,
    });
    expect(page.events[0].actor).toMatch(/^admin:[0-9a-f]+$/); // a fingerprint, never the token
    expect(page.events[1]).toMatchObject({
      status: 'PUBLISHED',
      translation: { state: 'CURRENT', changed: false },
    });
    expect(page.events[1].actor).toMatch(/^admin:/);
    expect(page.events[1].rev).toBe(page.events[0].rev + 1);

    // Nothing newer: an empty page whose cursor still continues from there.
    const empty = (await as('editor', served.url, FEED, { a: page.cursor })).data.events;
    expect(empty).toMatchObject({ events: [], hasMore: false });
    await as('admin', served.url, PUBLISH.replace('publishConcept', 'unpublishConcept'), {
      s: 'event-check',
      v: 2,
    });
    const next = (await as('editor', served.url, FEED, { a: empty.cursor })).data.events;
    expect(next.events.map((e: { name: string }) => e.name)).toEqual(['concept.unpublished']);
  });

  it('filters by event name with wildcards, and refuses a pattern that matches nothing', async () => {
    const start = await endOfFeed();
    await createDraft(served.url, 'filter-check');
    await as('admin', served.url, PUBLISH, { s: 'filter-check', v: 1 });
    const published = (await as('admin', served.url, FEED, { a: start, e: ['*.published'] })).data
      .events;
    expect(published.events.map((e: { name: string }) => e.name)).toEqual(['concept.published']);
    const concepts = (await as('admin', served.url, FEED, { a: start, e: ['concept.*'] })).data
      .events;
    expect(concepts.events).toHaveLength(2);

    const typo = await as('admin', served.url, FEED, { e: ['concepts.updated'] });
    expect(typo.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(typo.errors?.[0]?.message).toContain('"concepts.updated"');
  });

  it('answers a cursor that is not one of ours, or from another store, with FULL_SYNC_REQUIRED', async () => {
    const start = await endOfFeed();
    const garbage = await as('editor', served.url, FEED, { a: 'not-a-cursor' });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('FULL_SYNC_REQUIRED');
    // Another process has another memory store: another epoch.
    const other = await serveApi({ API_TOKENS: TEST_API_TOKENS });
    try {
      const foreign = await as('editor', other.url, FEED, { a: start });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FULL_SYNC_REQUIRED');
      expect(foreign.errors?.[0]?.message).toContain('reset');
    } finally {
      await other.close();
    }
  });

  it('is for editors and admins; bad page sizes are refused; a refused edit leaves no event', async () => {
    expect((await as('anonymous', served.url, FEED)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    for (const f of [0, 501]) {
      const refused = await as('editor', served.url, FEED, { f });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const start = await endOfFeed();
    await createDraft(served.url, 'conflict-check');
    const conflict = await as('admin', served.url, PUBLISH, { s: 'conflict-check', v: 7 });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const page = (await as('editor', served.url, FEED, { a: start })).data.events;
    expect(page.events.map((e: { name: string }) => e.name)).toEqual(['concept.created']);
  });
});
