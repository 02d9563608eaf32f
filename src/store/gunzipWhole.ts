import { constants } from 'node:buffer';
import { gunzip, gunzipSync, type ZlibOptions } from 'node:zlib';

// zlib's smallest output chunk; a gzip member's header and trailer take 18 bytes.
const MIN_CHUNK = 64;
const GZIP_FRAME_BYTES = 18;

// Output in one chunk of the content's size: a gzip member ends with that size (RFC 1952's
// ISIZE, modulo 2^32). zlib otherwise writes 16 KiB chunks and copies them into one buffer at
// the end: at 300 copies of the course a second 31 MB of fresh memory, a tenth of a second.
// One byte more than the content, so that zlib sees the end without asking for a next chunk.
function oneChunk(gzipped: Buffer): ZlibOptions {
  const size = gzipped.length >= GZIP_FRAME_BYTES ? gzipped.readUInt32LE(gzipped.length - 4) : 0;
  return { chunkSize: Math.min(Math.max(size + 1, MIN_CHUNK), constants.MAX_LENGTH) };
}

/** Gunzips a gzip member into one buffer made at its size (in the thread pool). */
export function gunzipWhole(gzipped: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(gzipped, oneChunk(gzipped), (error, content) => {
      if (error) reject(error);
      else resolve(content);
    });
  });
}

/** Gunzips a gzip member into one buffer made at its size, on this thread. */
export function gunzipWholeSync(gzipped: Buffer): Buffer {
  return gunzipSync(gzipped, oneChunk(gzipped));
}
