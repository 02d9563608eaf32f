// A map made from another by a few changes, sharing the other's entries: each revision's read
// model changes a handful of documents in maps of every document, and copying those maps made
// every edit cost O(documents) (3–4 ms per copy of 9,300 entries at 300 copies of the course).

/** A map being made from another (a copy, or an OverlayMap over it): read like the map it becomes. */
export interface EditableMap<K, V> extends ReadonlyMap<K, V> {
  set(key: K, value: V): this;
  delete(key: K): boolean;
}

// Past this many changes an overlay is flattened into a plain map on the next edit: the copy of
// the changes each edit makes (O(changes)) and the flattening it saves (O(size), now and then)
// cost about the same at the square root of the size.
function maxChanges(size: number): number {
  return Math.max(64, 4 * Math.sqrt(size));
}

/**
 * A ReadonlyMap that is `base` with some entries replaced, removed or added, without copying
 * `base` (which must never change afterwards; the maps here are a revision's, never changed).
 * It iterates exactly as a `new Map(base)` given the same `set`s and `delete`s would: base keys
 * in their place (a replaced value too), then added keys in the order they were added (a base
 * key deleted and set again included, as a Map would put it last).
 * Editing one (see `editing`) copies only its changes, so a chain of revisions costs O(changes)
 * per revision; once its changes pass maxChanges the next edit starts from a flat copy.
 */
export class OverlayMap<K, V> implements EditableMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    // Base keys with another value (in their place), base keys taken out, keys after the base's.
    // `replaced` and `appended` never share a key; a base key set again after its removal is in
    // `removed` and `appended`.
    private readonly replaced: Map<K, V>,
    private readonly removed: Set<K>,
    private readonly appended: Map<K, V>,
  ) {}

  /**
   * A map to edit into the next revision's from `previous` (left as it was), in proportion to
   * the changes: an overlay over it, or over a flat copy once its changes are many. When about
   * `expectedChanges` or more are coming (a full load), a plain copy is cheaper to make and read.
   */
  static editing<K, V>(previous: ReadonlyMap<K, V>, expectedChanges = 1): EditableMap<K, V> {
    if (previous instanceof OverlayMap) {
      const overlay = previous as OverlayMap<K, V>;
      if (overlay.changeCount() + expectedChanges <= maxChanges(overlay.base.size)) {
        return new OverlayMap(
          overlay.base,
          new Map(overlay.replaced),
          new Set(overlay.removed),
          new Map(overlay.appended),
        );
      }
      return new Map(overlay);
    }
    if (expectedChanges > maxChanges(previous.size)) return new Map(previous);
    return new OverlayMap(previous, new Map(), new Set(), new Map());
  }

  get size(): number {
    return this.base.size - this.removed.size + this.appended.size;
  }

  get(key: K): V | undefined {
    if (this.replaced.has(key)) return this.replaced.get(key);
    if (this.appended.has(key)) return this.appended.get(key);
    return this.removed.has(key) ? undefined : this.base.get(key);
  }

  has(key: K): boolean {
    return (
      this.replaced.has(key) ||
      this.appended.has(key) ||
      (!this.removed.has(key) && this.base.has(key))
    );
  }

  set(key: K, value: V): this {
    if (this.appended.has(key) || this.removed.has(key) || !this.base.has(key)) {
      this.appended.set(key, value);
    } else {
      this.replaced.set(key, value);
    }
    return this;
  }

  delete(key: K): boolean {
    if (this.appended.delete(key)) return true;
    if (this.removed.has(key) || !this.base.has(key)) return false;
    this.removed.add(key);
    this.replaced.delete(key);
    return true;
  }

  *entries(): MapIterator<[K, V]> {
    for (const entry of this.base) {
      const key = entry[0];
      if (this.removed.has(key)) continue;
      yield this.replaced.has(key) ? [key, this.replaced.get(key)!] : entry;
    }
    yield* this.appended;
  }

  *keys(): MapIterator<K> {
    for (const entry of this.entries()) yield entry[0];
  }

  *values(): MapIterator<V> {
    for (const entry of this.entries()) yield entry[1];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  // How many entries differ from the base.
  private changeCount(): number {
    return this.replaced.size + this.removed.size + this.appended.size;
  }
}
