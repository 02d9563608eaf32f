// Entry of `npm run seed`: runs the seed command on the configured store. Only wiring lives
// here; the command itself is tested in-process.
import { runSeedCommand } from './seedCommand.js';
import { withConfiguredStore } from './withConfiguredStore.js';

process.exitCode = await withConfiguredStore(
  'this store lives only in this process, so nothing persists (set STORE=firestore to seed Firestore).',
  (store, config) =>
    runSeedCommand(process.argv.slice(2), {
      store,
      seedDir: config.seedDir,
      out: process.stdout,
      err: process.stderr,
    }),
);
