import { visit, type JSONPath } from 'jsonc-parser';
import { ErrorCode } from '../errors.js';
import { BodyRefusal } from './readBody.js';

/**
 * Parses a JSON request body, refusing one that names a key twice in an object.
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
    throw new BodyRefusal(400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
  }
  // Only an object can repeat a key; JSON.parse has already proved the text well formed.
  if (text.includes('{')) {
    const duplicate = firstDuplicateKey(text);
    if (duplicate) {
      throw new BodyRefusal(
        400,
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
