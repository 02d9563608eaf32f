/**
 * Sync pages (src/sync/changePage.ts): a full sync lists what the reader sees; a token's
 * `since` gets the documents written in (since, upTo] as upserts or deletions, deletions named
 * to anonymous readers only for what was once public; publishing or unpublishing a concept
 * re-sends what depends on it; pages go by collection then id within a fixed revision window,
 * and tokens that cannot be continued are FULL_SYNC_REQUIRED.
 */
import type { DocumentSet } from '../../src/content/entries.js';
import { ContentSnapshot, type Audience } from '../../src/content/snapshot.js';
import type { Tombstone } from '../../src/content/tombstones.js';
import type { CollectionName } from '../../src/domain/bundle.js';
import type { Comparison } from '../../src/domain/comparison.js';
import type { Lesson } from '../../src/domain/lesson.js';
import type { Locale } from '../../src/domain/locale.js';
import { relationId } from '../../src/domain/relation.js';
import { AppError, ErrorCode, ValidationError } from '../../src/errors.js';
import { changePage, type ChangePage, type SyncDeletion } from '../../src/sync/changePage.js';
import { decodeSyncToken, encodeSyncToken, type SyncPosition } from '../../src/sync/syncToken.js';
import { category, concept, relation } from '../helpers/contentFixtures.js';
import { thrown } from '../helpers/thrown.js';

const EPOCH = 'epoch-1';
const PUBLISHED_AT = '2024-01-01T00:00:00.000Z';

function lesson(slug: string, concepts: string[]): Lesson {
  const markdown = `# ${slug}\n\n${concepts.map((c) => `[${c}](concept:${c})`).join(' ')}\n`;
  return {
    slug,
    number: 1,
    title: { ko: slug, en: slug },
    status: 'PUBLISHED',
    markdown: { ko: markdown },
    sections: [
      {
        anchor: 'intro',
        level: 1,
        title: { ko: slug },
        body: { ko: { blocks: [], markdown } },
        concepts,
      },
    ],
    concepts,
    readingMinutes: { ko: 1 },
    contentHash: '0'.repeat(64),
  };
}

function comparison(slug: string, concepts: string[]): Comparison {
  return {
    slug,
    title: { ko: slug },
    concepts,
    rows: [{ key: 'row', label: { ko: 'row' }, cells: concepts.map((c) => [{ ko: c }]) }],
  };
}

/**
 * A live document: its collection, data, the revision that last wrote it, firstPublishedAt, and
 * per locale the revision its readers' view last changed (absent: the revision that wrote it).
 */
type Live = [CollectionName, object, number, (string | null)?, Record<Locale, number>?];

/**
 * The store after ten commits, as an instance that followed every commit sees it (loadRev 0):
 *  1  category basics; concepts alpha, beta, delta, old (published); comparison ab; lesson intro
 *  2  relation alpha IS_A beta
 *  3  concept gamma created as a draft (never published)
 *  4  relation gamma RELATED_TO alpha
 *  5  delta unpublished
 *  6  old deleted, with its relation alpha PRECEDES old
 *  7  concept secret, a draft never published, deleted
 *  8  beta edited
 *  9  category extras
 * 10  gamma (still a draft) edited
 * Anonymous readers last saw a change at 9: the public revision.
 */
const BASE: Live[] = [
  ['categories', category('basics', 1), 1],
  ['concepts', concept('alpha', 'basics'), 1, PUBLISHED_AT],
  ['comparisons', comparison('ab', ['alpha', 'beta']), 1],
  ['lessons', lesson('intro', ['alpha', 'beta']), 1, PUBLISHED_AT],
  ['relations', relation('alpha', 'IS_A', 'beta'), 2],
  ['relations', relation('gamma', 'RELATED_TO', 'alpha'), 4],
  ['concepts', concept('delta', 'basics', { status: 'DRAFT' }), 5, PUBLISHED_AT],
  ['concepts', concept('beta', 'basics'), 8, PUBLISHED_AT],
  ['categories', category('extras', 2), 9],
  ['concepts', concept('gamma', 'basics', { status: 'DRAFT' }), 10, null],
];
const BASE_TOMBSTONES: Tombstone[] = [
  { collection: 'concepts', id: 'old', rev: 6, firstPublishedAt: PUBLISHED_AT },
  { collection: 'relations', id: 'alpha__PRECEDES__old', rev: 6 },
  { collection: 'concepts', id: 'secret', rev: 7, firstPublishedAt: null },
];
// Publication changes seen after the load (the last one per document, as ReadModel keeps them).
const BASE_FLIPS: [string, number][] = [
  ['concepts/alpha', 1],
  ['concepts/beta', 1],
  ['lessons/intro', 1],
  ['concepts/delta', 5],
  ['concepts/old', 6],
];

function snapshotOf(
  rev: number,
  live: Live[],
  options: { tombstones?: Tombstone[]; flips?: [string, number][]; loadRev?: number } = {},
): ContentSnapshot {
  const documents: Record<CollectionName, Map<string, unknown>> = {
    categories: new Map(),
    concepts: new Map(),
    relations: new Map(),
    comparisons: new Map(),
    lessons: new Map(),
  };
  for (const [collection, data, docRev, firstPublishedAt, localeRevs] of live) {
    const id =
      collection === 'relations'
        ? relationId(data as Parameters<typeof relationId>[0])
        : (data as { slug: string }).slug;
    documents[collection].set(id, {
      ...data,
      rev: docRev,
      version: 1,
      createdAt: PUBLISHED_AT,
      updatedAt: PUBLISHED_AT,
      ...(firstPublishedAt !== undefined ? { firstPublishedAt } : {}),
      ...(localeRevs ? { localeRevs } : {}),
    });
  }
  return new ContentSnapshot(rev, documents as unknown as DocumentSet, new Date(0), {
    epoch: EPOCH,
    loadRev: options.loadRev ?? 0,
    tombstones: new Map((options.tombstones ?? []).map((t) => [`${t.collection}/${t.id}`, t])),
    visibilityFlips: new Map(options.flips ?? []),
  });
}

const base = () => snapshotOf(10, BASE, { tombstones: BASE_TOMBSTONES, flips: BASE_FLIPS });
const since = (rev: number) => encodeSyncToken({ epoch: EPOCH, since: rev });

const COLLECTION_OF: Record<SyncDeletion['type'], CollectionName> = {
  category: 'categories',
  concept: 'concepts',
  relation: 'relations',
  comparison: 'comparisons',
  lesson: 'lessons',
};

/** A page as ids: upserts as `collection/id`, deletions as `-type/id`, in page order. */
function itemsOf(page: ChangePage): string[] {
  return [
    ...page.categories.map((c) => `categories/${c.slug}`),
    ...page.concepts.map((c) => `concepts/${c.slug}`),
    ...page.relations.map((r) => `relations/${relationId(r)}`),
    ...page.comparisons.map((c) => `comparisons/${c.slug}`),
    ...page.lessons.map((l) => `lessons/${l.slug}`),
    ...page.deleted.map((d) => `-${d.type}/${d.id}`),
  ];
}

/** Every page of a sync from a token, with the position each page's token continues from. */
function syncAll(
  snapshot: ContentSnapshot,
  audience: Audience,
  token: string | null,
  first?: number,
): { pages: string[][]; positions: SyncPosition[] } {
  const pages: string[][] = [];
  const positions: SyncPosition[] = [];
  for (let guard = 0; guard < 50; guard++) {
    const page = changePage(snapshot, audience, token, first);
    pages.push(itemsOf(page));
    positions.push(decodeSyncToken(page.token));
    expect(page.hasMore).toBe(positions.at(-1)!.after !== undefined);
    if (!page.hasMore) return { pages, positions };
    token = page.token;
  }
  throw new Error('the sync did not end');
}

describe('a full sync (no token) lists what the reader sees, and no deletion', () => {
  const PUBLIC_VIEW = [
    'categories/basics',
    'categories/extras',
    'concepts/alpha',
    'concepts/beta',
    'relations/alpha__IS_A__beta',
    'comparisons/ab',
    'lessons/intro',
  ];
  it.each<[string, Audience, string | null | undefined, string[], number]>([
    // Drafts (delta, gamma) and the relation of a draft are left out; tombstones are not named
    ['anonymous readers', 'public', null, PUBLIC_VIEW, 9],
    ['anonymous readers, without a token at all', 'public', undefined, PUBLIC_VIEW, 9],
    ['anonymous readers, with an empty token', 'public', '', PUBLIC_VIEW, 9],
    [
      'editors, who see drafts',
      'preview',
      null,
      [
        'categories/basics',
        'categories/extras',
        'concepts/alpha',
        'concepts/beta',
        'concepts/delta',
        'concepts/gamma',
        'relations/alpha__IS_A__beta',
        'relations/gamma__RELATED_TO__alpha',
        'comparisons/ab',
        'lessons/intro',
      ],
      10,
    ],
  ])('%s', (_case, audience, token, items, upTo) => {
    const page = changePage(base(), audience, token, undefined);
    expect(itemsOf(page)).toEqual(items);
    expect(page.hasMore).toBe(false);
    // Continue from the reader's revision: the public one for anonymous readers.
    expect(decodeSyncToken(page.token)).toEqual({ epoch: EPOCH, since: upTo });
  });
});

describe('a sync from a token gets what was written in (since, upTo]', () => {
  // [since, upserts and deletions]: anonymous readers go up to the public revision, 9
  it.each<[number, string[]]>([
    [9, []],
    [8, ['categories/extras']],
    [7, ['categories/extras', 'concepts/beta']],
    // secret, a draft deleted at 7, was never public: its deletion is not named
    [6, ['categories/extras', 'concepts/beta']],
    // old (once public) deleted at 6, with its relation
    [5, ['categories/extras', 'concepts/beta', '-concept/old', '-relation/alpha__PRECEDES__old']],
    // delta unpublished at 5 is a deletion for anonymous readers
    [
      4,
      [
        'categories/extras',
        'concepts/beta',
        '-concept/delta',
        '-concept/old',
        '-relation/alpha__PRECEDES__old',
      ],
    ],
    // A token from long ago is still served (tombstones are kept); gamma's relation (4) is not named
    [
      1,
      [
        'categories/extras',
        'concepts/beta',
        'relations/alpha__IS_A__beta',
        '-concept/delta',
        '-concept/old',
        '-relation/alpha__PRECEDES__old',
      ],
    ],
  ])('anonymous readers since %i', (from, items) => {
    const page = changePage(base(), 'public', since(from), undefined);
    expect(itemsOf(page)).toEqual(items);
    expect(page.hasMore).toBe(false);
    expect(decodeSyncToken(page.token)).toEqual({ epoch: EPOCH, since: 9 });
  });

  // Editors go up to the store's revision, 10, and are told of every deletion
  it.each<[number, string[]]>([
    [10, []],
    // Only a draft changed since 9: nothing for anonymous readers, gamma for editors
    [9, ['concepts/gamma']],
    [6, ['categories/extras', 'concepts/beta', 'concepts/gamma', '-concept/secret']],
    [
      4,
      [
        'categories/extras',
        'concepts/beta',
        'concepts/delta',
        'concepts/gamma',
        '-concept/old',
        '-concept/secret',
        '-relation/alpha__PRECEDES__old',
      ],
    ],
    [
      3,
      [
        'categories/extras',
        'concepts/beta',
        'concepts/delta',
        'concepts/gamma',
        'relations/gamma__RELATED_TO__alpha',
        '-concept/old',
        '-concept/secret',
        '-relation/alpha__PRECEDES__old',
      ],
    ],
  ])('editors since %i', (from, items) => {
    const page = changePage(base(), 'preview', since(from), undefined);
    expect(itemsOf(page)).toEqual(items);
    expect(decodeSyncToken(page.token)).toEqual({ epoch: EPOCH, since: 10 });
  });

  it('gives an up-to-date reader its own token back', () => {
    expect(changePage(base(), 'public', since(9), undefined).token).toBe(since(9));
  });
});

describe('a sync in one locale gets what changed for its readers', () => {
  const withBeta = (rev: number, localeRevs: Record<Locale, number>) =>
    snapshotOf(
      rev,
      [
        ...BASE.filter(([, data]) => (data as { slug?: string }).slug !== 'beta'),
        ['concepts', concept('beta', 'basics'), rev, PUBLISHED_AT, localeRevs],
      ],
      { tombstones: BASE_TOMBSTONES, flips: BASE_FLIPS },
    );
  // Rev 11: beta's Korean edited, its English kept current (English readers' view: as of 8).
  const koreanEdit = () => withBeta(11, { ko: 11, en: 8 });

  it.each<[string, Locale | undefined, number, string[], number]>([
    ['English readers are not sent it, and keep their token', 'en', 9, [], 9],
    [
      'English readers from before its English last changed get it',
      'en',
      7,
      ['categories/extras', 'concepts/beta'],
      9,
    ],
    ['Korean readers get it, up to the Korean revision', 'ko', 9, ['concepts/beta'], 11],
    [
      'without a locale every change counts, up to the public revision',
      undefined,
      9,
      ['concepts/beta'],
      11,
    ],
  ])('%s', (_case, locale, from, items, upTo) => {
    const page = changePage(koreanEdit(), 'public', since(from), undefined, locale);
    expect(itemsOf(page)).toEqual(items);
    expect(decodeSyncToken(page.token)).toEqual({ epoch: EPOCH, since: upTo });
  });

  it('sends a later English change from the token an English reader was given', () => {
    const { token } = changePage(koreanEdit(), 'public', since(9), undefined, 'en');
    const englishEdit = withBeta(12, { ko: 11, en: 12 });
    const page = changePage(englishEdit, 'public', token, undefined, 'en');
    expect(itemsOf(page)).toEqual(['concepts/beta']);
    expect(decodeSyncToken(page.token)).toEqual({ epoch: EPOCH, since: 12 });
  });

  it('goes by the store revision for editors, sending what changed in their locale', () => {
    const page = changePage(koreanEdit(), 'preview', since(10), undefined, 'en');
    expect(itemsOf(page)).toEqual([]);
    expect(decodeSyncToken(page.token)).toEqual({ epoch: EPOCH, since: 11 });
  });

  it('does not take a Korean-only edit before the load for a change of publication', () => {
    const loaded = snapshotOf(
      10,
      BASE.map((doc): Live => {
        const [collection, data, rev, firstPublishedAt] = doc;
        return (data as { slug?: string }).slug === 'beta'
          ? [collection, data, rev, firstPublishedAt, { ko: 8, en: 1 }]
          : doc;
      }),
      { tombstones: BASE_TOMBSTONES, loadRev: 10 },
    );
    // In Korean beta counts (its relation, comparison and lesson come again); in English not.
    expect(itemsOf(changePage(loaded, 'public', since(4), undefined, 'en'))).toEqual([
      'categories/extras',
      '-concept/delta',
      '-concept/old',
      '-relation/alpha__PRECEDES__old',
    ]);
    expect(itemsOf(changePage(loaded, 'public', since(4), undefined, 'ko'))).toContain(
      'lessons/intro',
    );
  });
});

describe('a deleted relation is named to anonymous readers only if both its ends were public', () => {
  // Commit 11 deletes a relation between published alpha and gamma, a draft never published:
  // either way round, anonymous readers never saw it, so neither its deletion nor a new public
  // revision may tell them it existed (found by the table-driven tests: the `to` end was
  // ignored, so alpha → gamma was named).
  it.each([
    ['from the public concept to the draft', 'alpha__USES__gamma'],
    ['from the draft to the public concept', 'gamma__USES__alpha'],
  ])('%s', (_case, id) => {
    const snapshot = snapshotOf(11, BASE, {
      tombstones: [...BASE_TOMBSTONES, { collection: 'relations', id, rev: 11 }],
      flips: BASE_FLIPS,
    });
    expect(snapshot.revisionFor('public')).toBe(9);
    expect(syncAll(snapshot, 'public', since(8)).pages.flat()).toEqual(['categories/extras']);
    expect(syncAll(snapshot, 'preview', since(10)).pages.flat()).toEqual([`-relation/${id}`]);
  });
});

describe('a change of publication re-sends what depends on the concept', () => {
  // Rev 11: beta unpublished. Its relation, comparison and lesson are not written, but change.
  const betaUnpublished = () =>
    snapshotOf(
      11,
      [
        ...BASE.filter(([, data]) => (data as { slug?: string }).slug !== 'beta'),
        ['concepts', concept('beta', 'basics', { status: 'DRAFT' }), 11, PUBLISHED_AT],
      ],
      { tombstones: BASE_TOMBSTONES, flips: [...BASE_FLIPS, ['concepts/beta', 11]] },
    );
  // Rev 11: gamma published for the first time. Its relation to alpha appears.
  const gammaPublished = () =>
    snapshotOf(
      11,
      [
        ...BASE.filter(([, data]) => (data as { slug?: string }).slug !== 'gamma'),
        ['concepts', concept('gamma', 'basics'), 11, PUBLISHED_AT],
      ],
      { tombstones: BASE_TOMBSTONES, flips: [...BASE_FLIPS, ['concepts/gamma', 11]] },
    );
  // The same store as `base`, on an instance that loaded it whole at 10: before its load, it
  // cannot tell publication changes from edits, so every concept written in the window counts.
  const freshlyLoaded = () => snapshotOf(10, BASE, { tombstones: BASE_TOMBSTONES, loadRev: 10 });

  it.each<[string, () => ContentSnapshot, Audience, number, string[]]>([
    [
      'an unpublished concept withdraws its relation and comparison; its lesson comes unlinked',
      betaUnpublished,
      'public',
      9,
      ['lessons/intro', '-concept/beta', '-relation/alpha__IS_A__beta', '-comparison/ab'],
    ],
    [
      'editors get the concept and all that depends on it again',
      betaUnpublished,
      'preview',
      10,
      ['concepts/beta', 'relations/alpha__IS_A__beta', 'comparisons/ab', 'lessons/intro'],
    ],
    [
      'a concept published brings its relation, which was not written',
      gammaPublished,
      'public',
      9,
      ['concepts/gamma', 'relations/gamma__RELATED_TO__alpha'],
    ],
    [
      'before the load, an edited concept (beta at 8) counts as a change of publication',
      freshlyLoaded,
      'public',
      4,
      [
        'categories/extras',
        'concepts/beta',
        'relations/alpha__IS_A__beta',
        'comparisons/ab',
        'lessons/intro',
        '-concept/delta',
        '-concept/old',
        '-relation/alpha__PRECEDES__old',
      ],
    ],
    [
      'before the load, for editors too (gamma at 10 brings its relation)',
      freshlyLoaded,
      'preview',
      4,
      [
        'categories/extras',
        'concepts/beta',
        'concepts/delta',
        'concepts/gamma',
        'relations/alpha__IS_A__beta',
        'relations/gamma__RELATED_TO__alpha',
        'comparisons/ab',
        'lessons/intro',
        '-concept/old',
        '-concept/secret',
        '-relation/alpha__PRECEDES__old',
      ],
    ],
  ])('%s', (_case, snapshotFor, audience, from, items) => {
    expect(itemsOf(changePage(snapshotFor(), audience, since(from), undefined))).toEqual(items);
  });

  it('serves the lesson of an unpublished concept without its link', () => {
    const [intro] = changePage(betaUnpublished(), 'public', since(9), undefined).lessons;
    expect(intro?.concepts).toEqual(['alpha']);
    expect(intro?.markdown.ko).toBe('# intro\n\n[alpha](concept:alpha) beta\n');
  });
});

describe('paging: by collection then id, in a fixed revision window', () => {
  // [case, audience, since (null: full sync), first, pages, the `after` of each continuing token]
  it.each<[string, Audience, number | null, number, string[][], string[]]>([
    [
      'a full sync in pages of 3',
      'public',
      null,
      3,
      [
        ['categories/basics', 'categories/extras', 'concepts/alpha'],
        ['concepts/beta', 'relations/alpha__IS_A__beta', 'comparisons/ab'],
        ['lessons/intro'],
      ],
      ['1:concepts/alpha', '3:comparisons/ab'],
    ],
    [
      'a page exactly as large as what is left is the last',
      'public',
      null,
      7,
      [
        [
          'categories/basics',
          'categories/extras',
          'concepts/alpha',
          'concepts/beta',
          'relations/alpha__IS_A__beta',
          'comparisons/ab',
          'lessons/intro',
        ],
      ],
      [],
    ],
    [
      // Drafts are dropped before paging: no boundary (kept in a token) can name one
      'pages of one, whose boundaries never name a draft',
      'public',
      null,
      1,
      [
        ['categories/basics'],
        ['categories/extras'],
        ['concepts/alpha'],
        ['concepts/beta'],
        ['relations/alpha__IS_A__beta'],
        ['comparisons/ab'],
        ['lessons/intro'],
      ],
      [
        '0:categories/basics',
        '0:categories/extras',
        '1:concepts/alpha',
        '1:concepts/beta',
        '2:relations/alpha__IS_A__beta',
        '3:comparisons/ab',
      ],
    ],
    [
      'deletions take their place in key order',
      'public',
      4,
      2,
      [
        ['categories/extras', 'concepts/beta'],
        ['-concept/delta', '-concept/old'],
        ['-relation/alpha__PRECEDES__old'],
      ],
      ['1:concepts/beta', '1:concepts/old'],
    ],
    [
      'editors page through drafts',
      'preview',
      null,
      4,
      [
        ['categories/basics', 'categories/extras', 'concepts/alpha', 'concepts/beta'],
        [
          'concepts/delta',
          'concepts/gamma',
          'relations/alpha__IS_A__beta',
          'relations/gamma__RELATED_TO__alpha',
        ],
        ['comparisons/ab', 'lessons/intro'],
      ],
      ['1:concepts/beta', '2:relations/gamma__RELATED_TO__alpha'],
    ],
  ])('%s', (_case, audience, from, first, pages, afters) => {
    const upTo = audience === 'public' ? 9 : 10;
    const result = syncAll(base(), audience, from === null ? null : since(from), first);
    expect(result.pages).toEqual(pages);
    // Every continuing token keeps the run's window; the last continues from its end.
    expect(result.positions).toEqual([
      ...afters.map((after) => ({ epoch: EPOCH, since: from ?? 0, upTo, after })),
      { epoch: EPOCH, since: upTo },
    ]);
  });

  it('continues after the longest relation id there can be', () => {
    const slug = (letter: string) => letter.repeat(80); // MAX_SLUG_LENGTH
    const [from, to] = [slug('a'), slug('b')];
    const snapshot = snapshotOf(3, [
      ['categories', category('basics', 1), 1],
      ['concepts', concept(from, 'basics'), 1, PUBLISHED_AT],
      ['concepts', concept(to, 'basics'), 1, PUBLISHED_AT],
      ['relations', relation(from, 'CONTRASTS_WITH', to), 2],
      ['relations', relation(to, 'CONTRASTS_WITH', from), 3],
    ]);
    const { pages } = syncAll(snapshot, 'public', null, 4);
    expect(pages).toEqual([
      [
        'categories/basics',
        `concepts/${from}`,
        `concepts/${to}`,
        `relations/${from}__CONTRASTS_WITH__${to}`,
      ],
      [`relations/${to}__CONTRASTS_WITH__${from}`],
    ]);
  });

  // Rev 11, between two pages: delta published again, zeta created.
  const movedOn = () =>
    snapshotOf(
      11,
      [
        ...BASE.filter(([, data]) => (data as { slug?: string }).slug !== 'delta'),
        ['concepts', concept('delta', 'basics'), 11, PUBLISHED_AT],
        ['concepts', concept('zeta', 'basics'), 11, PUBLISHED_AT],
      ],
      {
        tombstones: BASE_TOMBSTONES,
        flips: [...BASE_FLIPS, ['concepts/delta', 11], ['concepts/zeta', 11]],
      },
    );

  it('leaves what was written while a client pages to its next sync', () => {
    const first = changePage(base(), 'public', since(4), 2);
    expect(itemsOf(first)).toEqual(['categories/extras', 'concepts/beta']);
    // The run keeps its window (4, 9]: delta, rewritten at 11, is no longer in it, and zeta never was.
    const second = changePage(movedOn(), 'public', first.token, 2);
    expect(itemsOf(second)).toEqual(['-concept/old', '-relation/alpha__PRECEDES__old']);
    expect(second.hasMore).toBe(false);
    expect(decodeSyncToken(second.token)).toEqual({ epoch: EPOCH, since: 9 });
    // The next sync brings both, as they are now.
    const next = changePage(movedOn(), 'public', second.token, 2);
    expect(itemsOf(next)).toEqual(['concepts/delta', 'concepts/zeta']);
    expect(decodeSyncToken(next.token)).toEqual({ epoch: EPOCH, since: 11 });
  });

  it('brings a copy kept from pages to what a full sync would give, whatever moves between them', () => {
    // The client's copy: `collection/id` → the revision of the version it holds.
    const copy = new Map<string, number>();
    const apply = (page: ChangePage) => {
      for (const { type, id } of page.deleted) copy.delete(`${COLLECTION_OF[type]}/${id}`);
      for (const doc of page.categories) copy.set(`categories/${doc.slug}`, doc.rev);
      for (const doc of page.concepts) copy.set(`concepts/${doc.slug}`, doc.rev);
      for (const doc of page.relations) copy.set(`relations/${relationId(doc)}`, doc.rev);
      for (const doc of page.comparisons) copy.set(`comparisons/${doc.slug}`, doc.rev);
      for (const doc of page.lessons) copy.set(`lessons/${doc.slug}`, doc.rev);
    };
    // A full sync in pages of 3: the first page read at 10, the rest after the store moved to 11.
    let page = changePage(base(), 'public', null, 3);
    apply(page);
    while (page.hasMore) {
      page = changePage(movedOn(), 'public', page.token, 3);
      apply(page);
    }
    page = changePage(movedOn(), 'public', page.token, 3);
    apply(page);
    expect(page.hasMore).toBe(false);

    const fresh = itemsOf(changePage(movedOn(), 'public', null, 1000));
    expect([...copy.keys()].sort()).toEqual([...fresh].sort());
    // Each document as it is at 11 (delta and zeta rewritten there, the rest unchanged).
    expect(copy.get('concepts/delta')).toBe(11);
    expect(copy.get('concepts/zeta')).toBe(11);
    expect(copy.get('concepts/beta')).toBe(8);
  });
});

describe('a token that cannot be continued is FULL_SYNC_REQUIRED', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  const RESET = 'The content store has been reset since this sync token.';
  const AHEAD = 'The sync token is ahead of the content store.';
  const INVALID = 'The sync token is not valid.';

  it.each<[string, string, string]>([
    ['a token of another store history', encodeSyncToken({ epoch: 'epoch-0', since: 3 }), RESET],
    ['a since ahead of the store (10)', since(11), AHEAD],
    [
      'a paging window ahead of the store',
      encodeSyncToken({ epoch: EPOCH, since: 4, upTo: 11, after: '1:concepts/beta' }),
      AHEAD,
    ],
    ['text that is not base64url', 'not a token!', INVALID],
    ['base64url of text that is not JSON', b64('hello'), INVALID],
    ['a token of another version', b64(JSON.stringify({ v: 2, e: EPOCH, s: 1 })), INVALID],
    ['a token with a key of its own', b64(JSON.stringify({ v: 1, e: EPOCH, s: 1, x: 1 })), INVALID],
    ['a negative since', b64(JSON.stringify({ v: 1, e: EPOCH, s: -1 })), INVALID],
    ['a fractional since', b64(JSON.stringify({ v: 1, e: EPOCH, s: 1.5 })), INVALID],
    ['a since as a string', b64(JSON.stringify({ v: 1, e: EPOCH, s: '1' })), INVALID],
    ['a token over 1024 characters', 'A'.repeat(1025), INVALID],
  ])('%s', (_case, token, reason) => {
    for (const audience of ['public', 'preview'] as const) {
      const error = thrown(() => changePage(base(), audience, token, undefined));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: ErrorCode.FULL_SYNC_REQUIRED,
        message: `${reason} Sync from scratch: call again without "since" and replace the local copy.`,
        issues: [{ path: ['since'], message: 'cannot be continued' }],
      });
    }
  });
});

describe('first: documents per page, 1 to 1000, 200 by default', () => {
  // 201 categories, all public: a full sync has 201 documents to page.
  const many = () =>
    snapshotOf(
      1,
      Array.from({ length: 201 }, (_, i): Live => ['categories', category(`c-${i}`, i), 1]),
    );

  it.each<[number | null | undefined, number, boolean]>([
    [undefined, 200, true],
    [null, 200, true],
    [1, 1, true],
    [200, 200, true],
    [201, 201, false],
    [1000, 201, false],
  ])('first: %p gives %i documents (hasMore: %p)', (first, size, hasMore) => {
    const page = changePage(many(), 'public', null, first);
    expect(page.categories).toHaveLength(size);
    expect(page.hasMore).toBe(hasMore);
  });

  it.each([0, -1, 1001, 2.5, NaN, Infinity])('first: %p is refused', (first) => {
    // Checked before the token: even a token that cannot be continued gets this answer.
    const error = thrown(() => changePage(base(), 'public', 'not a token!', first));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: `"first" must be between 1 and 1000, got ${first}`,
      issues: [{ path: ['first'], message: 'must be an integer between 1 and 1000' }],
    });
  });
});
