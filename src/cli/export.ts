// Entry of `npm run export`: runs the export command on the configured store. Only wiring lives
// here; the command itself is tested in-process.
import { runExportCommand } from './exportCommand.js';
import { withConfiguredStore } from './withConfiguredStore.js';

process.exitCode = await withConfiguredStore(
  'this store starts empty in this process, so the export is empty (set STORE=firestore to export Firestore).',
  (store) =>
    runExportCommand(process.argv.slice(2), {
      store,
      out: process.stdout,
      err: process.stderr,
    }),
);
