// Fields whose value is made on first read (a stored document's large texts, adopted at start-up
// as raw JSON and parsed only when something reads them). Such a field is an enumerable getter
// in its original place among the keys, so reading, spreading, JSON.stringify and
// structuredClone see the value itself; only code that copies property descriptors sees the
// getter, and that is the point (see copyWithDeferredFields).

// Objects with at least one deferred field, with their deferred fields' getters: copying them
// keeps those fields deferred.
const withDeferred = new WeakMap<object, Map<string, () => unknown>>();

/**
 * Makes `object[key]` (an existing own property, whose place among the keys is kept) the value
 * `load` returns on its first read, frozen like the rest of a stored document. Call before the
 * object is frozen.
 */
export function deferField(object: object, key: string, load: () => unknown): void {
  let loaded = false;
  let value: unknown;
  const get = () => {
    if (!loaded) {
      value = deepFreeze(load());
      loaded = true;
    }
    return value;
  };
  Object.defineProperty(object, key, { enumerable: true, configurable: false, get });
  let getters = withDeferred.get(object);
  if (!getters) withDeferred.set(object, (getters = new Map<string, () => unknown>()));
  getters.set(key, get);
}

/**
 * A shallow copy of `object` with `extra` added, as `{ ...object, ...extra }` but leaving its
 * deferred fields deferred (a spread would read them all).
 */
export function copyWithDeferredFields<T extends object, E extends object>(
  object: T,
  extra: E,
): T & E {
  const getters = withDeferred.get(object);
  if (!getters) return { ...object, ...extra };
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const get = getters.get(key);
    if (get) Object.defineProperty(copy, key, { get, enumerable: true, configurable: true });
    else copy[key] = (object as Record<string, unknown>)[key];
  }
  withDeferred.set(copy, getters);
  return Object.assign(copy, extra) as T & E;
}

/**
 * Freezes a value and everything it holds (stored documents are plain JSON-like trees); a
 * deferred field is left to freeze its value when it is made.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    const getters = withDeferred.get(value);
    if (getters) {
      for (const key of Object.keys(value)) {
        if (!getters.has(key)) deepFreeze((value as Record<string, unknown>)[key]);
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown);
    } else {
      // Not Object.values: a start freezes every document, and an array made per object
      // (10 MB at 100 copies of the course) is garbage to collect. Stored documents are plain
      // JSON-like objects: for...in sees their own keys only.
      for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}
