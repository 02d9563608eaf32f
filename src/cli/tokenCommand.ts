import { parseArgs } from 'node:util';
import { ROLES, generateToken, hashToken, type Role } from '../auth/tokens.js';
import { isParseArgsError } from './nodeError.js';

/** Usage text of `npm run token`. */
export const TOKEN_USAGE = `usage: npm run token -- --role editor|admin

Prints a new random bearer token and the entry to add to API_TOKENS (its SHA-256: only
hashes are ever configured). Give the token to its holder; it is not stored anywhere.
`;

/** `npm run token`: returns the exit code (0 done, 2 bad usage). */
export function runTokenCommand(
  argv: string[],
  io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream },
): number {
  let role: string | undefined;
  try {
    ({ role } = parseArgs({
      args: argv,
      options: { role: { type: 'string' } },
      strict: true,
    }).values);
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    io.err.write(`${error.message}\n\n${TOKEN_USAGE}`);
    return 2;
  }
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    io.err.write(`--role must be editor or admin\n\n${TOKEN_USAGE}`);
    return 2;
  }
  const token = generateToken();
  io.out.write(
    `token (give it to the ${role as Role}, keep it secret):\n  ${token}\n\n` +
      `add to API_TOKENS (comma-separated with the others):\n  ${role}:${hashToken(token)}\n`,
  );
  return 0;
}
