import { logger } from './logger.js';

/**
 * Logs an unexpected error server-side, stack included (logs are not responses): every face
 * (GraphQL's formatError, REST's problem answers, the HTTP error handlers) masks the error it
 * answers and calls this, so each one is logged exactly once.
 */
export function logUnexpected(error: unknown): void {
  // Error Reporting groups entries by the stack trace in `stack_trace`.
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger().error({ stack_trace: stack }, error instanceof Error ? error.message : stack);
}
