import compression from 'compression';
import { constants } from 'node:zlib';

/** Smallest answer worth compressing: below this, headers and CPU outweigh the saving. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Brotli at a middle quality: the highest levels cost too much CPU per request. The live path
 * and the response cache compress with these same options, so a cached answer is the same bytes.
 */
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * Compresses answers above the threshold with brotli where the client accepts it, else gzip.
 */
export function compressResponses() {
  return compression({
    threshold: COMPRESSION_THRESHOLD_BYTES,
    brotli: BROTLI_OPTIONS,
  });
}
