import { ConfigError, loadConfig, type Config } from '../config.js';
import type { ContentStore } from '../store/contentStore.js';
import { openStore } from '../store/openStore.js';
import { ignoreTerminatedClientRejections } from './ignoreTerminatedClientRejections.js';

/**
 * The wiring every store command shares (`npm run seed`, `npm run export`): reads the
 * configuration, opens the configured store, says what a memory store means for this command
 * (`memoryNote`), runs `command` and closes the store. Answers the process's exit code.
 */
export async function withConfiguredStore(
  memoryNote: string,
  command: (store: ContentStore, config: Config) => Promise<number>,
): Promise<number> {
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
    if (store.kind === 'memory') process.stderr.write(`note: STORE=memory: ${memoryNote}\n`);
    return await command(store, config);
  } finally {
    // A call abandoned at its deadline may be retried by the store's client during or after
    // the close: see there.
    ignoreTerminatedClientRejections();
    await store.close();
  }
}
