// Entry of `npm run contracts`: checks the public contracts against the released ones, or
// releases them.
import { runContractsCommand } from './contractsCommand.js';

process.exitCode = await runContractsCommand(process.argv.slice(2), {
  out: process.stdout,
  err: process.stderr,
});
