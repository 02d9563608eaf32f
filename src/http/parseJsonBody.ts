import { visit, type JSONPath } from 'jsonc-parser';
import { ErrorCode } from '../errors.js';
import { BodyRefusal } from './readBody.js';

/**
 * How deeply a JSON body may nest arrays and objects. Far above any real request (an import
 * bundle nests about 8 deep); far below where recursive walks of the value (the duplicate-key
 * check here, graphql-js coercing variables, zod) would overflow the stack.
 */
export const MAX_JSON_NESTING = 64;

/**
 * Parses a JSON request body, refusing one nested deeper than MAX_JSON_NESTING or that names a
 * key twice in an object.
 *
 * Why: JSON.parse keeps the last of duplicate keys, while other parsers (proxies, WAFs, client
 * libraries) may keep the first, so `{"query": "a", "query": "b"}` can mean one thing to
 * whatever inspected the request and another to us. The duplicate is reported with its path.
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BodyRefusal(ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
  }
  const nesting = jsonNesting(text);
  if (nesting > MAX_JSON_NESTING) {
    throw new BodyRefusal(
      ErrorCode.BAD_REQUEST,
      `The request body nests ${nesting} deep; at most ${MAX_JSON_NESTING} levels are allowed.`,
    );
  }
  // Only an object can repeat a key; JSON.parse has already proved the text well formed.
  if (text.includes('{')) {
    const duplicate = firstDuplicateKey(text);
    if (duplicate) {
      throw new BodyRefusal(
        ErrorCode.BAD_REQUEST,
        `The request body names the key ${JSON.stringify(duplicate.at(-1))} twice in one object.`,
        { issues: [{ path: duplicate, message: 'duplicate key' }] },
      );
    }
  }
  return value;
}

// The path of the first key an object repeats (escapes decoded: "a" and "\u0061" are one key).
function firstDuplicateKey(text: string): JSONPath | undefined {
  const open: Set<string>[] = [];
  let duplicate: JSONPath | undefined;
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectProperty: (key, _offset, _length, _line, _column, pathOf) => {
      const keys = open.at(-1)!;
      if (keys.has(key)) duplicate ??= [...pathOf(), key];
      keys.add(key);
    },
    onObjectEnd: () => {
      open.pop();
    },
  });
  return duplicate;
}

// The deepest nesting of arrays and objects in well-formed JSON: one pass, no recursion.
function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \\ */) i++;
      }
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > deepest) deepest = depth;
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return deepest;
}
