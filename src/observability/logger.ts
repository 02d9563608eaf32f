import { pino, type DestinationStream, type Logger } from 'pino';
import { stdoutDestination } from './logDestination.js';
import { SEVERITY, type LogLevel } from './logLevels.js';

/** pino's logger type, re-exported so that callers depend on this module, not on pino. */
export type { Logger };

// The levels live in their own module, which the launcher (src/launch) reads without pino.
export { LOG_LEVELS, type LogLevel } from './logLevels.js';

/**
 * A logger writing one JSON object per line in the shape Cloud Logging reads from a function's
 * stdout: `severity`, `message`, `time`, plus the entry's own fields (`httpRequest`,
 * `logging.googleapis.com/trace`, ...). No pid or hostname (the platform adds the resource).
 * Fields that could carry secrets are censored as a second line of defence: the request log
 * never records headers, bodies or variables in the first place. Without a `destination`, lines
 * go to stdout, buffered for at most one turn of the event loop and flushed when the process
 * exits; a fatal line is written at once.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    messageKey: 'message',
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({
        severity: SEVERITY[label as keyof typeof SEVERITY] ?? 'DEFAULT',
      }),
    },
    redact: {
      paths: ['authorization', 'token', 'headers', 'variables', '*.authorization', '*.token'],
      censor: '[redacted]',
    },
  };
  // stdout gets the lines of one turn of the event loop in one write, at the end of that turn:
  // one system call per turn instead of one per request (see logDestination).
  return pino(options, destination ?? stdoutDestination());
}

// The process's logger: stdout is one per process, like the functions framework itself.
// Silent until the entry point configures it, so that tests and tools stay quiet by default
// (and stdout's destination, with its exit listener, is made only by a logger that writes).
let current: Logger = createLogger('silent', { write: () => undefined });

/** The process's logger. */
export function logger(): Logger {
  return current;
}

/** Replaces the process's logger (the entry point, and tests that read log lines); returns the old one. */
export function useLogger(next: Logger): Logger {
  const previous = current;
  current = next;
  return previous;
}
