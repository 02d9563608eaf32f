import { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Page size when a client does not say. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

/** A page of a keyed, ordered list. */
export interface Page<T> {
  items: T[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

// Keys are encoded as base64url JSON: opaque to clients, stable across revisions, and still
// meaningful when the item they point at has since been deleted.
const cursorPayload = z.tuple([
  z.literal(1),
  z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .max(8),
]);

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([1, key])).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is a BAD_USER_INPUT on `argument`. */
export function decodeCursor(cursor: string, argument = 'after'): (string | number)[] {
  const invalid = () =>
    new ValidationError(`"${argument}" is not a cursor returned by this API`, [
      { path: [argument], message: 'must be an endCursor or edge cursor returned by this API' },
    ]);
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  try {
    const parsed = cursorPayload.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    if (!parsed.success) throw invalid();
    return parsed.data[1];
  } catch {
    throw invalid();
  }
}

/** Checks `first` (0 … MAX_PAGE_SIZE) and applies the default. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(
      `"${argument}" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`,
      [{ path: [argument], message: `must be an integer between 0 and ${MAX_PAGE_SIZE}` }],
    );
  }
  return first;
}

/**
 * Forward pagination over `items`, sorted ascending by `keyOf` under `compare`. The page starts
 * at the first item whose key sorts after the cursor's key; `keySchema` checks a decoded key.
 * `afterArgument` is what the request calls the cursor (GraphQL `after`, REST `cursor`), so
 * that a bad one is reported where the client put it.
 */
export function paginate<T, K extends readonly (string | number)[]>(
  items: readonly T[],
  options: { first: number; after?: string | null | undefined; afterArgument?: string },
  keyOf: (item: T) => K,
  compare: (a: K, b: K) => number,
  keySchema: z.ZodType<K>,
): Page<T> {
  let start = 0;
  if (options.after) {
    const argument = options.afterArgument ?? 'after';
    const key = keySchema.safeParse(decodeCursor(options.after, argument));
    if (!key.success) {
      throw new ValidationError(`"${argument}" is not a cursor of this list`, [
        { path: [argument], message: 'must be a cursor returned by this list' },
      ]);
    }
    start = firstAfter(items, (item) => compare(keyOf(item), key.data) > 0);
  }
  const slice = items.slice(start, start + options.first);
  return {
    items: slice,
    cursors: slice.map((item) => encodeCursor(keyOf(item))),
    totalCount: items.length,
    hasNextPage: start + slice.length < items.length,
    hasPreviousPage: start > 0,
  };
}

// Binary search for the first index where `isAfter` holds (items are sorted).
function firstAfter<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isAfter(items[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}
