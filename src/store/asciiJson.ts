import { isAscii } from 'node:buffer';

// Every character JSON.stringify leaves as it is that is not ASCII.
const NOT_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON of `value` in ASCII only: every other character written as its `\uXXXX` escape (a pair
 * of them for a character beyond the BMP). The same JSON to any reader; for large stored JSON
 * (a compiled course, a snapshot's head), whose Korean would otherwise make its text a two-byte
 * string that is slow to decode and to parse (see decodeJsonText).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NOT_ASCII,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The text of stored JSON bytes: ASCII (as asciiJson writes it) read as Latin-1, a copy of the
 * bytes into a one-byte string that JSON.parse reads about twice as fast as a decoded two-byte
 * one; anything else decoded as UTF-8 (JSON written before, or by others).
 */
export function decodeJsonText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
