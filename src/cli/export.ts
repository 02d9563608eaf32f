// Entry of `npm run export`: reads the configuration, opens the configured store and runs the
// export command on it. Only wiring lives here; the command itself is tested in-process.
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/openStore.js';
import { runExportCommand } from './exportCommand.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // A bad variable is the admin's to fix: the message names it; a stack would only hide it.
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const store = await openStore(config);
  try {
    if (store.kind === 'memory') {
      process.stderr.write(
        'note: STORE=memory: this store starts empty in this process, so the export is empty ' +
          '(set STORE=firestore to export Firestore).\n',
      );
    }
    return await runExportCommand(process.argv.slice(2), {
      store,
      out: process.stdout,
      err: process.stderr,
    });
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
