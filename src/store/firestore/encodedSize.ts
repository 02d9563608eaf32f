// Two sizes of a Firestore document, from one walk of the value instead of building its encoded
// form (a walk allocates nothing; the seed measures every document it writes):
//
// - wire bytes: the Protocol Buffers encoding the client sends (`google.firestore.v1` Value,
//   Document, Write), which is what a request's size limit counts. The walk follows the SDK's
//   serializer (strings, safe integers as int64, other numbers as doubles, booleans, null,
//   arrays, maps; undefined fields dropped) and our codec (`documentCodec.ts`: an array inside an
//   array travels as a one-key map). tests/unit/firestoreEncodedSize.test.ts checks it byte for
//   byte against protobufjs encoding what the SDK's serializer makes of the same document.
// - storage bytes: Firestore's documented storage size
//   (https://firebase.google.com/docs/firestore/storage-size), which its 1 MiB document limit
//   counts.

const LIST_KEY = '__list';
const LIST_KEY_BYTES = LIST_KEY.length;
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Both sizes of a document's fields. */
export interface FieldsSize {
  /** Bytes of the fields' entries in `Document.fields`, as sent. */
  wire: number;
  /** Their part of the document's storage size: field names and values. */
  storage: number;
}

/** Measures a document's fields (its Firestore form, data encoded by the codec or not yet). */
export function measureFields(fields: Record<string, unknown>): FieldsSize {
  const walk = new Walk();
  const wire = walk.mapFields(fields);
  return { wire, storage: walk.storage };
}

/**
 * Wire bytes of one `Write` that sets the document `name` to fields of `fieldsWire` bytes (a
 * `set` without merge: `Write.update` holding `Document { name, fields }`), as it sits in a
 * commit request's repeated `writes` field, tag and length included.
 */
export function writeWireSize(name: string, fieldsWire: number): number {
  return delimited(1, delimited(1, delimited(1, utf8(name)) + fieldsWire));
}

/** Wire bytes of a length-delimited field of `payload` bytes (a commit request's own fields). */
export function fieldWireSize(payload: number): number {
  return delimited(1, payload);
}

/**
 * Firestore's storage size of the document at `path` (`lessons/intro/versions/3`: collection and
 * document ids, without the project and database) whose fields measure `fieldsStorage`: each
 * path segment's bytes plus one, plus 16, for the name; the fields (each name's bytes plus one,
 * and its value: a string's bytes plus one, 8 for a number, 1 for a boolean or null, the sum of
 * an array's or a map's parts); plus 32 for the document.
 */
export function documentStorageSize(path: string, fieldsStorage: number): number {
  const name = path.split('/').reduce((bytes, segment) => bytes + utf8(segment) + 1, 16);
  return name + fieldsStorage + 32;
}

/** Bytes of an unsigned varint. */
function varintSize(value: number): number {
  let bytes = 1;
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}

/** Bytes of a length-delimited field: its tag, its length, its payload. */
function delimited(tagBytes: number, payload: number): number {
  return tagBytes + varintSize(payload) + payload;
}

// One walk: answers wire bytes, adds storage bytes as it goes.
class Walk {
  storage = 0;

  // Value fields (google/firestore/v1/document.proto): boolean 1, integer 2, double 3, map 6,
  // array 9, null 11 (one-byte tags), string 17 (a two-byte tag).
  value(value: unknown, insideArray: boolean): number {
    if (value === null) {
      this.storage += 1;
      return 2;
    }
    switch (typeof value) {
      case 'boolean':
        this.storage += 1;
        return 2;
      case 'number':
        this.storage += 8;
        if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
          // int64: a negative number always takes ten bytes.
          return 1 + (value < 0 ? 10 : varintSize(value));
        }
        return 9;
      case 'string': {
        const bytes = utf8(value);
        this.storage += bytes + 1;
        return delimited(2, bytes);
      }
      case 'object':
        if (!Array.isArray(value)) {
          return delimited(1, this.mapFields(value as Record<string, unknown>));
        }
        if (insideArray) {
          // The codec's `{ __list: [...] }`: one map entry around the array.
          this.storage += LIST_KEY_BYTES + 1;
          const entry = delimited(1, LIST_KEY_BYTES) + delimited(1, this.value(value, false));
          return delimited(1, delimited(1, entry));
        }
        return delimited(1, this.arrayValues(value as unknown[]));
      default:
        throw new TypeError(`a ${typeof value} cannot be stored in Firestore`);
    }
  }

  // ArrayValue.values: each item a one-byte-tagged Value.
  private arrayValues(items: readonly unknown[]): number {
    let bytes = 0;
    for (const item of items) {
      if (item !== undefined) bytes += delimited(1, this.value(item, true));
    }
    return bytes;
  }

  // The entries of a `map<string, Value>` (MapValue.fields, Document.fields): each one a
  // one-byte-tagged message holding the key (field 1) and the value (field 2).
  mapFields(fields: Record<string, unknown>): number {
    let bytes = 0;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      if (value === undefined) continue;
      const keyBytes = utf8(key);
      this.storage += keyBytes + 1;
      bytes += delimited(1, delimited(1, keyBytes) + delimited(1, this.value(value, false)));
    }
    return bytes;
  }
}
