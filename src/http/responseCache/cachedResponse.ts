import { brotliCompressSync, gzipSync } from 'node:zlib';
import { BROTLI_OPTIONS } from '../compressResponses.js';
import { COMPRESSION_THRESHOLD_BYTES } from '../compressResponses.js';

/** Encodings a cached body is sent in, best first. */
export const ENCODINGS = ['br', 'gzip', 'identity'] as const;

/** One of ENCODINGS. */
export type Encoding = (typeof ENCODINGS)[number];

/** The headers that describe a representation (CORS and connection headers are per request). */
export const REPRESENTATION_HEADERS = [
  'content-type',
  'content-language',
  'cache-control',
  'etag',
  'vary',
] as const;

/**
 * A response kept by the response cache: status, representation headers and the body bytes,
 * plus the compressed forms made on first demand (so a busy answer is compressed once per
 * revision, not once per request), and what the request log should say about it.
 */
export class CachedResponse {
  private readonly encoded = new Map<Encoding, Buffer>();
  /** The headers to set on every hit (Vary apart), prepared once. */
  readonly headerList: readonly (readonly [string, string])[];
  /** The Vary fields of every hit (Accept-Encoding included when compressible). */
  readonly vary: string | undefined;

  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: Buffer,
    readonly operation: { name: string | null; type: string } | undefined,
  ) {
    this.encoded.set('identity', body);
    this.headerList = Object.entries(headers).filter(([name]) => name !== 'vary');
    const fields = [headers.vary, this.compressible ? 'Accept-Encoding' : undefined];
    this.vary = fields.filter(Boolean).join(', ') || undefined;
  }

  /** Whether the body is large enough to be worth compressing (the live path's threshold). */
  get compressible(): boolean {
    return this.body.length >= COMPRESSION_THRESHOLD_BYTES;
  }

  /** Whether the body has been made in `encoding` already. */
  has(encoding: Encoding): boolean {
    return this.encoded.has(encoding);
  }

  /** The body in `encoding`, compressed now if it has not been yet. */
  bodyIn(encoding: Encoding): Buffer {
    let bytes = this.encoded.get(encoding);
    if (!bytes) {
      bytes =
        encoding === 'br'
          ? // The live path's brotli options: compressed once, the same bytes as uncached answers.
            brotliCompressSync(this.body, BROTLI_OPTIONS)
          : gzipSync(this.body);
      this.encoded.set(encoding, bytes);
    }
    return bytes;
  }

  /** Bytes held: every encoding made so far, plus headers (for the cache's size limit). */
  get size(): number {
    let bytes = 256;
    for (const value of this.encoded.values()) bytes += value.length;
    for (const [name, value] of Object.entries(this.headers)) bytes += name.length + value.length;
    return bytes;
  }
}
