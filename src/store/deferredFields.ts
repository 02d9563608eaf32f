// Fields whose value is made on first read (a stored document's large texts, adopted at start-up
// as raw JSON and parsed only when something reads them). Such a field is an enumerable getter
// in its original place among the keys, so reading, spreading, JSON.stringify and
// structuredClone see the value itself; only code that copies property descriptors sees the
// getter, and that is the point (see copyWithDeferredFields).
//
// One getter function per field name serves every document: it finds the document's spans and
// loader under a hidden (symbol-keyed, non-enumerable) property. Getters made per document
// would give every document a shape of its own (V8 keeps an accessor's function in the
// object's hidden class), tens of thousands of them at a large start.

const DEFERRED = Symbol('deferred fields');

/** Makes one deferred field's value from where its document's spans say it lies. */
export type DeferredLoader<S> = (span: S) => unknown;

// What a document with deferred fields holds under DEFERRED, shared by its copies (so a value
// made through one is made for all).
interface DeferredState {
  readonly spans: Readonly<Record<string, unknown>>;
  readonly load: DeferredLoader<unknown>;
  readonly values: Record<string, unknown>;
}

type WithState = Record<string, unknown> & { [DEFERRED]?: DeferredState };

const getters = new Map<string, (this: WithState) => unknown>();

function getterFor(field: string): (this: WithState) => unknown {
  let get = getters.get(field);
  if (!get) {
    get = function (this: WithState) {
      const state = this[DEFERRED]!;
      if (!Object.hasOwn(state.values, field)) {
        state.values[field] = deepFreeze(state.load(state.spans[field]));
      }
      return state.values[field];
    };
    getters.set(field, get);
  }
  return get;
}

// Copies `object`'s fields in order into `copy` (a fresh object, so that the getters added keep
// it a fast object of a shared shape), the fields named in `state.spans` as deferred ones.
function copyInto(copy: WithState, object: object, state: DeferredState): WithState {
  for (const key in object) {
    if (Object.hasOwn(state.spans, key)) {
      Object.defineProperty(copy, key, {
        get: getterFor(key),
        enumerable: true,
        configurable: true,
      });
    } else {
      copy[key] = (object as WithState)[key];
    }
  }
  Object.defineProperty(copy, DEFERRED, { value: state });
  return copy;
}

/**
 * A copy of `object` (a plain JSON-like object) whose fields named in `spans` are made on
 * their first read, by `load(spans[field])`, in their place among the keys, and then frozen
 * like the rest of a stored document. The object's own values of those fields (placeholders)
 * are not copied.
 */
export function withDeferredFields<S>(
  object: object,
  spans: Readonly<Record<string, S>>,
  load: DeferredLoader<S>,
): Record<string, unknown> {
  return copyInto({}, object, { spans, load: load as DeferredLoader<unknown>, values: {} });
}

/**
 * A shallow copy of `object` with `extra` added, as `{ ...object, ...extra }` but leaving its
 * deferred fields deferred (a spread would read them all).
 */
export function copyWithDeferredFields<T extends object, E extends object>(
  object: T,
  extra: E,
): T & E {
  const state = (object as WithState)[DEFERRED];
  if (!state) return { ...object, ...extra };
  return Object.assign(copyInto({}, object, state), extra) as T & E;
}

/**
 * Freezes a value and everything it holds (stored documents are plain JSON-like trees); a
 * deferred field is left to freeze its value when it is made.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    const state = (value as WithState)[DEFERRED];
    if (state) {
      for (const key in value) {
        if (!Object.hasOwn(state.spans, key)) deepFreeze((value as WithState)[key]);
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
