/**
 * The translators' queue (src/content/translationQueue.ts): every document with English not
 * CURRENT, oldest change of Korean first, filtered by state and type, paged by cursor; and the
 * set of outdated texts faces check what they serve against (src/content/outdatedTranslations.ts),
 * including a reader's copy of a lesson section.
 */
import {
  emptyDocumentSet,
  entryOf,
  type DocumentSet,
  type Entry,
} from '../../src/content/entries.js';
import { OutdatedTranslations, viewOfHolder } from '../../src/content/outdatedTranslations.js';
import { translationQueue } from '../../src/content/translationQueue.js';
import type { Category } from '../../src/domain/category.js';
import { trackTranslations } from '../../src/domain/translation/trackTranslations.js';
import type { DocumentMeta } from '../../src/store/contentStore.js';

function category(
  slug: string,
  ko: string,
  en: string | undefined,
  changedAt: string,
  madeFrom = ko,
): Entry<Category> {
  const original = { slug, name: { ko: madeFrom, ...(en ? { en } : {}) }, order: 1 };
  const first = trackTranslations({
    collection: 'categories',
    next: original,
    now: '2026-01-01T00:00:00.000Z',
  });
  const data = { slug, name: { ko, ...(en ? { en } : {}) }, order: 1 };
  const tracked = trackTranslations({
    collection: 'categories',
    previous: { data: original, translations: first.translations },
    next: data,
    now: changedAt,
  });
  const meta: DocumentMeta = {
    rev: 1,
    version: 1,
    createdAt: changedAt,
    updatedAt: changedAt,
    translations: tracked.translations,
  };
  return entryOf(data, meta);
}

function documents(...categories: Entry<Category>[]): DocumentSet {
  const set = emptyDocumentSet();
  return { ...set, categories: new Map(categories.map((c) => [c.slug, c])) };
}

describe('translation queue', () => {
  const docs = documents(
    category('current', '도구', 'Tools', '2026-03-01T00:00:00.000Z'),
    category('late', '새 이름', 'Old name', '2026-03-05T00:00:00.000Z', '옛 이름'),
    category('early', '새 도구', 'Tools', '2026-02-01T00:00:00.000Z', '도구'),
    category('missing', '번역 없음', undefined, '2026-02-15T00:00:00.000Z'),
  );

  it('lists what is not CURRENT, oldest change of Korean first, with totalCount', () => {
    const page = translationQueue(docs, {}, { first: 10 });
    expect(page.items.map((item) => item.id)).toEqual(['early', 'missing', 'late']);
    expect(page.totalCount).toBe(3);
    expect(page.items[0]!.translation.summary).toEqual({
      state: 'OUTDATED',
      current: 0,
      outdated: 1,
      missing: 0,
    });
    expect(page.items[0]!.title).toBe('새 도구');
  });

  it('filters by state and type, and pages by cursor without skipping or repeating', () => {
    expect(
      translationQueue(docs, { states: ['MISSING'] }, { first: 10 }).items.map((i) => i.id),
    ).toEqual(['missing']);
    expect(translationQueue(docs, { collection: 'concepts' }, { first: 10 }).totalCount).toBe(0);
    const first = translationQueue(docs, {}, { first: 2 });
    expect(first.hasNextPage).toBe(true);
    const second = translationQueue(docs, {}, { first: 2, after: first.cursors.at(-1) });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([
      'early',
      'missing',
      'late',
    ]);
    expect(second.hasNextPage).toBe(false);
  });
});

describe('outdated translations of a revision', () => {
  it("knows the outdated values by identity, and a reader's copy answers for its original", () => {
    const outdated = category('early', '새 도구', 'Tools', '2026-02-01T00:00:00.000Z', '도구');
    const current = category('current', '도구', 'Tools', '2026-03-01T00:00:00.000Z');
    const set = new OutdatedTranslations(documents(outdated, current));
    expect(set.has(outdated.name)).toBe(true);
    expect(set.has(current.name)).toBe(false);
    expect(set.has({ ...outdated.name })).toBe(false);
    expect(set.has(viewOfHolder({ ...outdated.name }, outdated.name))).toBe(true);
  });
});
