// Delta sync on the embedded store.
import { defineSyncSuite } from '../helpers/defineSyncSuite.js';
import { serveApi } from '../helpers/httpServer.js';
import { TEST_API_TOKENS } from '../helpers/tokens.js';

describe('delta sync (memory store)', () => {
  defineSyncSuite(() => serveApi({ API_TOKENS: TEST_API_TOKENS }));
});
