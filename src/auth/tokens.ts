import { createHash, randomBytes } from 'node:crypto';

/** Roles that may write. */
export const ROLES = ['editor', 'admin'] as const;
/** A writing role. */
export type Role = (typeof ROLES)[number];

/** A configured token: its role and the SHA-256 of the token (the token itself is never configured). */
export interface TokenEntry {
  role: Role;
  /** SHA-256 of the token, 32 bytes. */
  hash: Buffer;
  /** Short public id of the token for `updatedBy` and logs: the first 12 hex digits of its hash. */
  fingerprint: string;
}

// Prefix of generated tokens: recognisable in a leaked log or a secret scanner.
const TOKEN_PREFIX = 'llmc_';

/** SHA-256 of a token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random bearer token (256 bits). */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The fingerprint of a token hash (hex). */
export function fingerprintOf(hashHex: string): string {
  return hashHex.slice(0, 12);
}

/**
 * Parses `API_TOKENS`: comma-separated `role:sha256hex` pairs. Throws an Error whose message
 * names the bad entry's position and the rule (never echoing a value that might be a token).
 */
export function parseApiTokens(value: string): TokenEntry[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index) => {
      const [role, hash, ...rest] = entry.split(':');
      if (rest.length > 0 || !role || !hash) {
        throw new Error(`entry ${index + 1} must be role:sha256hex`);
      }
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new Error(`entry ${index + 1} has role "${role}": must be editor or admin`);
      }
      if (!/^[0-9a-f]{64}$/.test(hash)) {
        throw new Error(
          `entry ${index + 1} must carry the SHA-256 of the token as 64 lowercase hex digits (not the token)`,
        );
      }
      return {
        role: role as Role,
        hash: Buffer.from(hash, 'hex'),
        fingerprint: fingerprintOf(hash),
      };
    });
}
