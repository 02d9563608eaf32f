// Fields whose value is made on first read (a stored document's large texts, adopted at start-up
// as raw JSON and parsed only when something reads them). Such a field is an enumerable getter
// in its original place among the keys, so reading, spreading, JSON.stringify and
// structuredClone see the value itself; only code that copies property descriptors sees the
// getter, and that is the point (see copyWithDeferredFields).
//
// One getter function per field name serves every document: it finds the document's deferred
// fields and their loader under a hidden (symbol-keyed, non-enumerable) property. Getters made
// per document would give every document a shape of its own (V8 keeps an accessor's function
// in the object's hidden class), tens of thousands of them at a large start.

const DEFERRED = Symbol('deferred fields');

/** Makes the value of the deferred field at `index` (see deferredFieldSet). */
export type DeferredLoader = (index: number) => unknown;

// What a document with deferred fields holds under DEFERRED, shared by its copies (so a value
// made through one is made for all). One small object per document: a start makes tens of
// thousands, and every object a start keeps is copied by the garbage collector.
interface DeferredState {
  readonly names: readonly string[];
  readonly at: number;
  readonly load: DeferredLoader;
  values: unknown[] | undefined;
  // What was worked out from the fields before they were put aside (see keptFacts), if anything.
  readonly facts: unknown;
}

type WithState = Record<string, unknown> & { [DEFERRED]?: DeferredState };

const getters = new Map<string, (this: WithState) => unknown>();

// One descriptor per field name, for every object that defers it: a start defines tens of
// thousands of deferred fields, and a descriptor made per field is garbage (defineProperty
// does not keep it).
const descriptors = new Map<string, PropertyDescriptor>();

function descriptorFor(field: string): PropertyDescriptor {
  let descriptor = descriptors.get(field);
  if (!descriptor) {
    descriptor = Object.freeze({ get: getterFor(field), enumerable: true, configurable: true });
    descriptors.set(field, descriptor);
  }
  return descriptor;
}

function getterFor(field: string): (this: WithState) => unknown {
  let get = getters.get(field);
  if (!get) {
    get = function (this: WithState) {
      const state = this[DEFERRED]!;
      const position = state.names.indexOf(field);
      const values = (state.values ??= []);
      // A made value is never undefined (it is parsed JSON).
      values[position] ??= deepFreeze(state.load(state.at + position));
      return values[position];
    };
    getters.set(field, get);
  }
  return get;
}

// Copies `object`'s fields in order into `copy` (a fresh object, so that the getters added keep
// it a fast object of a shared shape), the fields named in `state` as deferred ones, and none
// of those `omitted` names.
function copyInto(
  copy: WithState,
  object: object,
  state: DeferredState,
  omitted?: ReadonlySet<string>,
): WithState {
  for (const key in object) {
    if (omitted?.has(key)) continue;
    if (state.names.includes(key)) {
      Object.defineProperty(copy, key, descriptorFor(key));
    } else {
      copy[key] = (object as WithState)[key];
    }
  }
  Object.defineProperty(copy, DEFERRED, { value: state });
  return copy;
}

/**
 * One document's deferred fields, made on first read. Shared by every object that holds some of
 * them (a stored document holds its translation records, its data the large texts) and by
 * their copies, so that each value is made once, whichever object is read.
 */
export type DeferredFieldSet = DeferredState;

/**
 * The deferred fields `names`: the one at position i is made by `load(at + i)` on its first
 * read (`at` places a document's fields among all of a course's; `names` may be shared by
 * every document with the same fields deferred).
 */
export function deferredFieldSet(
  names: readonly string[],
  at: number,
  load: DeferredLoader,
  facts?: unknown,
): DeferredFieldSet {
  return { names, at, load, values: undefined, facts };
}

/**
 * The facts given with `object`'s set of deferred fields (see deferredFieldSet: what a build
 * worked out from those fields before it put them aside, for a start to use without reading
 * them), when every field of `fields` is still one of its deferred fields (made or not yet);
 * else undefined, and the caller reads the fields.
 */
export function keptFacts(object: object, fields: readonly string[]): unknown {
  const state = (object as WithState)[DEFERRED];
  if (state?.facts === undefined) return undefined;
  // Not isDeferredField (a descriptor made per field: a start asks this of every concept). An
  // object holding a set has each field the set names as its deferred field, if it has the
  // field at all: copyInto and copyField define them so, and a getter without a setter cannot
  // be assigned another value (shareDeferredFields gives a set only to a fresh object that
  // copyField then fills).
  for (const field of fields) {
    if (!state.names.includes(field) || !Object.hasOwn(object, field)) return undefined;
  }
  return state.facts;
}

/**
 * A copy of `object` (a plain JSON-like object) whose fields named in `fields` are made on
 * their first read, in their place among the keys, and then frozen like the rest of a stored
 * document. The object's own values of those fields (placeholders) are not copied; its other
 * fields are, and the copy holds the set (see copyWithDeferredFields, copyField) even when none
 * of its keys is deferred.
 */
export function withDeferredFields(
  object: object,
  fields: DeferredFieldSet,
): Record<string, unknown> {
  return copyInto({}, object, fields);
}

/**
 * Sets `target[field]` to `source[field]` (nothing when undefined), leaving it deferred when it
 * is a deferred field of `source` and `target` holds the same set (a copy of an object that
 * shares `source`'s: an entry made from a stored document's data).
 */
export function copyField(target: object, source: object, field: string): void {
  const state = (source as WithState)[DEFERRED];
  if (state && state.names.includes(field) && (target as WithState)[DEFERRED] === state) {
    Object.defineProperty(target, field, descriptorFor(field));
    return;
  }
  const value = (source as WithState)[field];
  if (value !== undefined) (target as WithState)[field] = value;
}

/**
 * Whether `object[field]` is a deferred field (made or not yet): its value is the one a build
 * put aside, not one written since.
 */
export function isDeferredField(object: object, field: string): boolean {
  const getter = getters.get(field);
  // The getter compared, never called.
  return getter !== undefined && Object.getOwnPropertyDescriptor(object, field)?.get === getter;
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
 * A shallow copy of `object` without the fields named in `omitted`, its deferred fields left
 * deferred (as copyWithDeferredFields does).
 */
export function copyWithoutFields(
  object: object,
  omitted: ReadonlySet<string>,
): Record<string, unknown> {
  const state = (object as WithState)[DEFERRED];
  if (state) return copyInto({}, object, state, omitted);
  const copy: Record<string, unknown> = {};
  for (const key in object) if (!omitted.has(key)) copy[key] = (object as WithState)[key];
  return copy;
}

/**
 * Makes `target` (a fresh object, before its fields are set) hold `source`'s set of deferred
 * fields, if it has one: copyField then leaves those fields deferred in it.
 */
export function shareDeferredFields(target: object, source: object): void {
  const state = (source as WithState)[DEFERRED];
  if (state) Object.defineProperty(target, DEFERRED, { value: state });
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
        if (!state.names.includes(key)) deepFreeze((value as WithState)[key]);
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
