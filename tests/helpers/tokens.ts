import { hashToken } from '../../src/auth/tokens.js';

/** Fixed test tokens (never used outside tests). */
export const EDITOR_TOKEN = 'llmc_test-editor-token-0000000000000000000000000';
export const ADMIN_TOKEN = 'llmc_test-admin-token-00000000000000000000000000';

/** API_TOKENS configuring the two test tokens. */
export const TEST_API_TOKENS = `editor:${hashToken(EDITOR_TOKEN)},admin:${hashToken(ADMIN_TOKEN)}`;

/** Authorization headers per viewer. */
export const AS = {
  anonymous: {} as Record<string, string>,
  editor: { authorization: `Bearer ${EDITOR_TOKEN}` },
  admin: { authorization: `Bearer ${ADMIN_TOKEN}` },
};
