import { OPERATIONS } from './documents.js';
import { sha256Hex } from './persisted.js';

/**
 * The persisted-documents manifest of this client: SHA-256 (as sent in
 * `extensions.persistedQuery.sha256Hash`) → the document text it stands for, sorted by hash.
 */
export async function persistedDocuments(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.values(OPERATIONS).map(async (document) => {
      const text = document.toString();
      return [await sha256Hex(text), text] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}
