import * as functions from '@google-cloud/functions-framework';
import { startApi } from './app.js';
import { registerEventTargets } from './events/eventTargets.js';
import { withDevAdminToken } from './auth/devToken.js';
import { loadConfig } from './config.js';
import { createLogger, logger, useLogger } from './observability/logger.js';

// The Cloud Function entry: registers the HTTP function `api` and the change events' functions
// (`relay`, `deliverEvent`, `deliverDue`: same deployable, other entry points; see cloudbuild.yaml).
const config = withDevAdminToken(loadConfig(), (line) => console.log(line));
useLogger(createLogger(config.logging.level));
const api = startApi(config);
api.ready.catch((error: unknown) => {
  // An invalid seed must fail the start loudly (file, path, rule), not serve half a course.
  const message = error instanceof Error ? error.message : String(error);
  // Even with LOG_LEVEL=silent a failed start must say why. A fatal line is written to stdout at
  // once, with any line still waiting for the end of its turn (see logDestination).
  if (logger().isLevelEnabled('fatal')) logger().fatal(message);
  else console.error(message);
  process.exit(1);
});
functions.http('api', api.handler);
// The event functions use this instance's relay and dispatcher; a failed start exits above.
const runtime = api.ready.catch(() => new Promise<never>(() => undefined));
registerEventTargets(functions, {
  relay: runtime.then((opened) => opened.relay),
  dispatcher: runtime.then((opened) => opened.webhooks),
});
