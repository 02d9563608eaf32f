import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A persisted-documents manifest: each document by the SHA-256 (hex) of its text. */
export const manifestSchema = z.record(
  z.string().regex(SHA256_HEX, { message: 'keys must be SHA-256 hashes (64 hex digits)' }),
  z.string().min(1),
);

/** The SHA-256 (hex) of a document's text, as persisted queries name it. */
export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** What a GraphQL request names its document by: its text, or a persisted query's hash. */
export interface DocumentReference {
  query?: unknown;
  extensions?: unknown;
}

/**
 * The documents a deployment trusts (PERSISTED_DOCUMENTS_ONLY): those of the manifest its
 * clients were built with. A request names one by its text or by its persisted-query hash
 * (`extensions.persistedQuery.sha256Hash`); anything else is not executed for anonymous callers.
 */
export class TrustedDocuments {
  private readonly hashes: ReadonlySet<string>;

  constructor(manifest: Readonly<Record<string, string>>) {
    for (const [hash, document] of Object.entries(manifest)) {
      if (documentHash(document) !== hash) {
        throw new Error(`the manifest's document ${hash} does not hash to its key`);
      }
    }
    this.hashes = new Set(Object.keys(manifest));
  }

  /** How many documents are trusted. */
  get size(): number {
    return this.hashes.size;
  }

  /**
   * Whether the request names a trusted document: its text hashes to one, or it sends no text
   * and its persisted-query hash is one (Apollo then asks for the text once, which is trusted).
   */
  admits(reference: DocumentReference): boolean {
    if (typeof reference.query === 'string') return this.hashes.has(documentHash(reference.query));
    if (reference.query !== undefined && reference.query !== null) return false;
    const hash = persistedHashOf(reference.extensions);
    return hash !== undefined && this.hashes.has(hash);
  }
}

// `extensions.persistedQuery.sha256Hash`, from a POST's object or a GET's JSON text.
function persistedHashOf(extensions: unknown): string | undefined {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery
    ?.sha256Hash;
  return typeof hash === 'string' && SHA256_HEX.test(hash) ? hash : undefined;
}

/** Reads and checks a manifest file: every key must be its document's hash. Throws if not. */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return new TrustedDocuments(manifest);
}
