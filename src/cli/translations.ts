// Entry of `npm run translations`: refreshes the configured seed directory's translation
// records. Only wiring lives here; the command itself is tested in-process.
import { ConfigError, loadConfig } from '../config.js';
import { runTranslationsCommand } from './translationsCommand.js';

process.exitCode = await (async () => {
  try {
    const { seedDir } = loadConfig();
    return await runTranslationsCommand(process.argv.slice(2), {
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
})();
