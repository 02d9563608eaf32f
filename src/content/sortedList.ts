/** Orders two items: negative, zero or positive. */
export type Comparator<T> = (a: T, b: T) => number;

/** The position of the first item of a sorted list that does not sort before `item`. */
export function lowerBound<T>(list: readonly T[], item: T, compare: Comparator<T>): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle]!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Inserts `item` into a sorted list where it belongs (after items that sort equal). */
export function insertSorted<T>(list: T[], item: T, compare: Comparator<T>): void {
  let position = lowerBound(list, item, compare);
  while (position < list.length && compare(list[position]!, item) === 0) position++;
  list.splice(position, 0, item);
}

/**
 * Removes `item` (this very object) from a sorted list, found by binary search among the items
 * that sort equal to it. Returns whether it was there.
 */
export function removeSorted<T>(list: T[], item: T, compare: Comparator<T>): boolean {
  for (let position = lowerBound(list, item, compare); position < list.length; position++) {
    if (list[position] === item) {
      list.splice(position, 1);
      return true;
    }
    if (compare(list[position]!, item) !== 0) break;
  }
  return false;
}
