// Fields whose value is made on first read (a stored document's large texts, adopted at start-up
// as raw JSON and parsed only when something reads them). Such a field is an enumerable getter
// in its original place among the keys, so reading, spreading, JSON.stringify and
// structuredClone see the value itself; only code that copies property descriptors sees the
// getter, and that is the point (see copyWithDeferredFields).

// Objects with at least one deferred field: copying them keeps the fields deferred.
const withDeferred = new WeakSet<object>();

/**
 * Makes `object[key]` (an existing own property, whose place among the keys is kept) the value
 * `load` returns on its first read, frozen like the rest of a stored document. Call before the
 * object is frozen.
 */
export function deferField(object: object, key: string, load: () => unknown): void {
  let loaded = false;
  let value: unknown;
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: false,
    get() {
      if (!loaded) {
        value = deepFreeze(load());
        loaded = true;
      }
      return value;
    },
  });
  withDeferred.add(object);
}

/**
 * A shallow copy of `object` with `extra` added, as `{ ...object, ...extra }` but leaving its
 * deferred fields deferred (a spread would read them all).
 */
export function copyWithDeferredFields<T extends object, E extends object>(
  object: T,
  extra: E,
): T & E {
  if (!withDeferred.has(object)) return { ...object, ...extra };
  const copy = {} as T & E;
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(object))) {
    Object.defineProperty(
      copy,
      key,
      descriptor.get
        ? { get: descriptor.get, enumerable: true, configurable: true }
        : { value: descriptor.value, enumerable: true, configurable: true, writable: true },
    );
  }
  withDeferred.add(copy);
  return Object.assign(copy, extra);
}

/**
 * Freezes a value and everything it holds (stored documents are plain JSON-like trees); a
 * deferred field is left to freeze its value when it is made.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (withDeferred.has(value)) {
      for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value))) {
        if (!descriptor.get) deepFreeze(descriptor.value);
      }
    } else {
      for (const inner of Object.values(value)) deepFreeze(inner);
    }
  }
  return value;
}
