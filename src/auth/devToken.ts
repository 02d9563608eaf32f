import { fingerprintOf, generateToken, hashToken, type TokenEntry } from './tokens.js';

/**
 * A local start with no API_TOKENS gets one random admin token, printed once, so the edit API
 * can be tried at once; it lives only as long as the process. In production no token is made:
 * without API_TOKENS the API is read-only.
 */
export function withDevAdminToken<T extends { production: boolean; apiTokens: TokenEntry[] }>(
  config: T,
  print: (line: string) => void,
): T {
  if (config.production || config.apiTokens.length > 0) return config;
  const token = generateToken();
  const hash = hashToken(token);
  print(
    `No API_TOKENS set: generated an admin token for this process only (not saved anywhere):\n` +
      `  Authorization: Bearer ${token}\n` +
      `Set API_TOKENS (see npm run token) to choose your own.`,
  );
  return {
    ...config,
    apiTokens: [
      { role: 'admin', hash: Buffer.from(hash, 'hex'), fingerprint: fingerprintOf(hash) },
    ],
  };
}
