/** The levels LOG_LEVEL accepts, lowest first ('silent' writes nothing). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** One of LOG_LEVELS. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Cloud Logging's LogSeverity name for each level that writes. */
export const SEVERITY: Record<Exclude<LogLevel, 'silent'>, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};
