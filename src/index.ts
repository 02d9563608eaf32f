import * as functions from '@google-cloud/functions-framework';
import { startApi } from './app.js';
import { withDevAdminToken } from './auth/devToken.js';
import { loadConfig } from './config.js';
import { createLogger, logger, useLogger } from './observability/logger.js';

// The Cloud Function entry: registers the HTTP function `api`, nothing else.
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
