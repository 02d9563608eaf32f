// Entry of `npm run translations`: runs the translations command on the configured store. Only
// wiring lives here; the command itself is tested in-process.
import { runTranslationsCommand } from './translationsCommand.js';
import { withConfiguredStore } from './withConfiguredStore.js';

process.exitCode = await withConfiguredStore(
  'this store starts empty in this process: there is nothing to export, and no document to import into (set STORE=firestore).',
  (store) =>
    runTranslationsCommand(process.argv.slice(2), {
      store,
      out: process.stdout,
      err: process.stderr,
    }),
);
