import { z } from 'zod';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  pageSize,
  paginate,
  type Page,
} from '../../src/content/pagination.js';
import { ValidationError } from '../../src/errors.js';
import { validationError } from '../helpers/thrown.js';

// Cursor pagination (src/content/pagination.ts): opaque cursors and their validation, the page
// size rule, and key-based forward pagination over a sorted list of [string, number] keys.

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('encodeCursor / decodeCursor', () => {
  it.each<[string, (string | number)[]]>([
    ['a single string', ['fine-tuning']],
    ['a string and a number', ['fundamentals', 3]],
    ['unicode and punctuation', ['대규모 언어 모델', 'a/b+c=d', -1.5]],
    ['eight parts (the maximum)', [1, 2, 3, 4, 5, 6, 7, 8]],
  ])('round-trips %s', (_case, key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('gives different cursors to different keys', () => {
    expect(encodeCursor(['a', 1])).not.toBe(encodeCursor(['a', 2]));
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['the empty string', ''],
    ['standard base64 with "/"', Buffer.from('[1,["a~~?"]]').toString('base64')],
    ['standard base64 with "+"', Buffer.from('[1,["a?~~"]]').toString('base64')],
    ['base64 with padding', `${base64url('[1,["ab"]]')}=`],
    ['over-long input', encodeCursor(['x'.repeat(400)])],
    ['base64url of text that is not JSON', base64url('hello world')],
    ['base64url of a JSON object', base64url('{"key":["a"]}')],
    ['base64url of another version', base64url('[2,["a"]]')],
    ['base64url of an empty key', base64url('[1,[]]')],
    ['base64url of a key with nine parts', base64url('[1,[1,2,3,4,5,6,7,8,9]]')],
    ['base64url of a key holding an object', base64url('[1,[{"a":1}]]')],
    ['base64url of a key holding null', base64url('[1,[null]]')],
    ['base64url of extra tuple items', base64url('[1,["a"],"extra"]')],
  ])('rejects %s with a ValidationError on "after"', (_case, cursor) => {
    const error = validationError(() => decodeCursor(cursor));
    expect(error.issues).toEqual([
      { path: ['after'], message: 'must be an endCursor or edge cursor returned by this API' },
    ]);
    expect(error.message).toBe('"after" is not a cursor returned by this API');
  });

  it('names the argument it was given', () => {
    expect(validationError(() => decodeCursor('%%%', 'before')).issues[0]!.path).toEqual([
      'before',
    ]);
  });

  it('accepts a cursor of exactly 512 characters and rejects 513', () => {
    const atLimit = base64url(`[1,["${'a'.repeat(376)}"]]`);
    expect(atLimit).toHaveLength(512);
    expect(decodeCursor(atLimit)).toEqual(['a'.repeat(376)]);
    expect(() => decodeCursor(`${atLimit}A`)).toThrow(ValidationError);
  });
});

describe('pageSize', () => {
  it.each([
    [undefined, DEFAULT_PAGE_SIZE],
    [null, DEFAULT_PAGE_SIZE],
    [0, 0],
    [1, 1],
    [MAX_PAGE_SIZE, 100],
  ])('turns first=%p into %i', (first, size) => {
    expect(pageSize(first)).toBe(size);
  });

  it('defaults to 20 and allows at most 100', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(MAX_PAGE_SIZE).toBe(100);
  });

  it.each([-1, 101, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects first=%p with a ValidationError on "first"',
    (first) => {
      const error = validationError(() => pageSize(first));
      expect(error.issues).toEqual([
        { path: ['first'], message: 'must be an integer between 0 and 100' },
      ]);
      expect(error.message).toContain(`got ${first}`);
    },
  );

  it('names the argument it was given', () => {
    expect(validationError(() => pageSize(-1, 'last')).issues[0]!.path).toEqual(['last']);
  });
});

describe('paginate', () => {
  type Key = [string, number];
  interface Item {
    category: string;
    order: number;
    name: string;
  }
  const keySchema = z.tuple([z.string(), z.number()]);
  const keyOf = (item: Item): Key => [item.category, item.order];
  const compare = (a: Key, b: Key) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);

  // 7 items sorted by (category, order); the same order appears in several categories.
  const items: Item[] = [
    { category: 'a', order: 1, name: 'a1' },
    { category: 'a', order: 2, name: 'a2' },
    { category: 'a', order: 10, name: 'a10' },
    { category: 'b', order: 1, name: 'b1' },
    { category: 'b', order: 5, name: 'b5' },
    { category: 'c', order: 2, name: 'c2' },
    { category: 'd', order: 0, name: 'd0' },
  ];
  const page = (list: readonly Item[], first: number, after?: string | null) =>
    paginate(list, { first, after }, keyOf, compare, keySchema);
  const names = (p: Page<Item>) => p.items.map((item) => item.name);

  it('returns the first page with one cursor per item', () => {
    const first = page(items, 3);
    expect(names(first)).toEqual(['a1', 'a2', 'a10']);
    expect(first.cursors.map((c) => decodeCursor(c))).toEqual([
      ['a', 1],
      ['a', 2],
      ['a', 10],
    ]);
    expect(first).toMatchObject({ totalCount: 7, hasNextPage: true, hasPreviousPage: false });
  });

  it.each([1, 2, 3, 6, 7, 50])(
    'walks the whole list in pages of %i, each item exactly once and in order',
    (size) => {
      const seen: string[] = [];
      const flags: [boolean, boolean][] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard += 1) {
        const current = page(items, size, after);
        seen.push(...names(current));
        flags.push([current.hasPreviousPage, current.hasNextPage]);
        expect(current.totalCount).toBe(items.length);
        if (!current.hasNextPage) break;
        after = current.cursors.at(-1)!;
      }
      expect(seen).toEqual(items.map((item) => item.name));
      const pages = Math.ceil(items.length / size);
      expect(flags).toEqual(Array.from({ length: pages }, (_, i) => [i > 0, i < pages - 1]));
    },
  );

  it('returns an empty last page after the last item', () => {
    const last = page(items, 5, encodeCursor(['d', 0]));
    expect(last).toEqual({
      items: [],
      cursors: [],
      totalCount: 7,
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });

  it('continues at the right place when the cursor item was deleted since (key-based)', () => {
    const cursor = page(items, 4).cursors.at(-1)!; // after b1
    const withoutB1 = items.filter((item) => item.name !== 'b1');
    const next = page(withoutB1, 2, cursor);
    expect(names(next)).toEqual(['b5', 'c2']);
    expect(next).toMatchObject({ totalCount: 6, hasNextPage: true, hasPreviousPage: true });
  });

  it('does not repeat or skip items when items before the cursor were deleted', () => {
    const cursor = page(items, 3).cursors.at(-1)!; // after a10
    const withoutA = items.filter((item) => item.category !== 'a');
    expect(names(page(withoutA, 2, cursor))).toEqual(['b1', 'b5']);
  });

  it('includes an item inserted after the cursor position', () => {
    const cursor = page(items, 2).cursors.at(-1)!; // after a2
    const withA3 = [
      ...items.slice(0, 2),
      { category: 'a', order: 3, name: 'a3' },
      ...items.slice(2),
    ];
    expect(names(page(withA3, 2, cursor))).toEqual(['a3', 'a10']);
  });

  it('accepts a cursor for a key that never was in the list, starting after it', () => {
    expect(names(page(items, 2, encodeCursor(['b', 2])))).toEqual(['b5', 'c2']);
    expect(names(page(items, 2, encodeCursor(['', 0])))).toEqual(['a1', 'a2']);
  });

  it.each([
    ['a key of another shape', encodeCursor(['a'])],
    ['a key of the wrong types', encodeCursor([1, 'a'])],
    ['a key with an extra part', encodeCursor(['a', 1, 2])],
  ])('rejects a cursor of another list (%s) with a ValidationError on "after"', (_case, after) => {
    const error = validationError(() => page(items, 2, after));
    expect(error.issues).toEqual([
      { path: ['after'], message: 'must be a cursor returned by this list' },
    ]);
  });

  it('rejects a garbage cursor with a ValidationError on "after"', () => {
    expect(validationError(() => page(items, 2, '!!!')).issues[0]!.path).toEqual(['after']);
  });

  it('returns no items but the total count when first=0', () => {
    expect(page(items, 0)).toEqual({
      items: [],
      cursors: [],
      totalCount: 7,
      hasNextPage: true,
      hasPreviousPage: false,
    });
    expect(page(items, 0, encodeCursor(['b', 1]))).toMatchObject({
      items: [],
      totalCount: 7,
      hasPreviousPage: true,
    });
  });

  it('treats an empty or null "after" as the start of the list', () => {
    expect(names(page(items, 1, ''))).toEqual(['a1']);
    expect(names(page(items, 1, null))).toEqual(['a1']);
  });

  it('pages over an empty list', () => {
    expect(page([], 10)).toEqual({
      items: [],
      cursors: [],
      totalCount: 0,
      hasNextPage: false,
      hasPreviousPage: false,
    });
  });
});
