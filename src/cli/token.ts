// Entry of `npm run token`: prints a new token and its API_TOKENS entry.
import { runTokenCommand } from './tokenCommand.js';

process.exitCode = runTokenCommand(process.argv.slice(2), {
  out: process.stdout,
  err: process.stderr,
});
