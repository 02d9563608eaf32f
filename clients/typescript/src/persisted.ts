/**
 * The SHA-256 of a document, lower-case hex: the `sha256Hash` of Apollo's automatic persisted
 * queries, and the key of persisted-documents.json. Web Crypto, so it runs in browsers, Node
 * 20+ and React Native polyfills alike.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The operation name of a document (`query Concept(…)` → `Concept`); null when anonymous. */
export function operationName(document: string): string | null {
  return (
    /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1] ?? null
  );
}

/** Whether a document is a query (sent as GET, cacheable) rather than a mutation. */
export function isQuery(document: string): boolean {
  return /^\s*(?:query\b|\{)/.test(document);
}
