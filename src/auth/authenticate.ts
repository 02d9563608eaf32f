import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCode } from '../errors.js';
import type { TokenEntry } from './tokens.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

// The scheme name is case-insensitive (RFC 9110 §11.1) and followed by one or more spaces.
const BEARER = /^bearer +([\x21-\x7e]{1,512})$/i;

/**
 * Resolves the `Authorization` header to a viewer. No header: anonymous. A malformed header or
 * an unknown token: UNAUTHENTICATED. The token's hash is compared with every configured hash in
 * constant time, and the loop never exits early, so timing reveals neither which entry nor how
 * much of it matched.
 */
export function authenticate(header: string | undefined, tokens: readonly TokenEntry[]): Viewer {
  if (header === undefined || header === '') return ANONYMOUS;
  const match = BEARER.exec(header);
  if (!match) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'The Authorization header must be "Bearer <token>".',
    );
  }
  const hash = createHash('sha256').update(match[1]!, 'utf8').digest();
  let found: TokenEntry | undefined;
  for (const entry of tokens) {
    if (timingSafeEqual(hash, entry.hash) && !found) found = entry;
  }
  if (!found) throw new AppError(ErrorCode.UNAUTHENTICATED, 'The bearer token is not valid.');
  return { role: found.role, fingerprint: found.fingerprint };
}
