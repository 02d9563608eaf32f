import compression from 'compression';
import { constants } from 'node:zlib';

/** Smallest answer worth compressing: below this, headers and CPU outweigh the saving. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses answers above the threshold with brotli where the client accepts it, else gzip.
 * Brotli runs at a middle quality: the highest levels cost too much CPU per request.
 */
export function compressResponses() {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}
