import { createHash } from 'node:crypto';

/**
 * The fingerprint of a source text: the first 16 hex digits (64 bits) of the SHA-256 of its NFC
 * form. An English translation records the fingerprint of the Korean it was made from; when the
 * Korean's fingerprint differs, the English is outdated. 64 bits make an accidental match of two
 * versions of one field practically impossible while keeping the records short.
 */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 16);
}
