// Entry of `npm run translations`: `export`/`import` run the XLIFF hand-off on the configured
// store; `refresh` rewrites the seed directory's translation records. Only wiring lives here;
// the commands themselves are tested in-process.
import { ConfigError, loadConfig } from '../config.js';
import { runRefreshTranslationsCommand } from './refreshTranslationsCommand.js';
import { runTranslationsCommand } from './translationsCommand.js';
import { withConfiguredStore } from './withConfiguredStore.js';

const [command, ...rest] = process.argv.slice(2);

process.exitCode =
  command === 'refresh'
    ? await refreshSeed(rest)
    : await withConfiguredStore(
        'this store starts empty in this process: there is nothing to export, and no document to import into (set STORE=firestore, or use `refresh` for the seed files).',
        (store) =>
          runTranslationsCommand(process.argv.slice(2), {
            store,
            out: process.stdout,
            err: process.stderr,
          }),
      );

async function refreshSeed(argv: string[]): Promise<number> {
  try {
    const { seedDir } = loadConfig();
    return await runRefreshTranslationsCommand(argv, {
      seedDir,
      out: process.stdout,
      err: process.stderr,
    });
  } catch (error) {
    // A bad variable is the admin's to fix: the message names it; a stack would only hide it.
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}
