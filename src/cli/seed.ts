// Entry of `npm run seed`: reads the configuration, opens the configured store and runs the
// seed command on it. Only wiring lives here; the command itself is tested in-process.
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../store/openStore.js';
import { runSeedCommand } from './seedCommand.js';

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
        'note: STORE=memory: this store lives only in this process, so nothing persists ' +
          '(set STORE=firestore to seed Firestore).\n',
      );
    }
    return await runSeedCommand(process.argv.slice(2), {
      store,
      seedDir: config.seedDir,
      out: process.stdout,
      err: process.stderr,
    });
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
