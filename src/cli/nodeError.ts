/** The parts of one of Node's own errors (parseArgs, fs) a command reports. */
export interface NodeErrorInfo {
  message: string;
  code?: string;
  syscall?: string;
}

/**
 * Node's own errors are recognised by their shape (`message`, `code`, `syscall`), not by
 * `instanceof Error`: under a test sandbox they come from another realm.
 */
export function nodeError(error: unknown): NodeErrorInfo | null {
  if (typeof error !== 'object' || error === null) return null;
  const { message, code, syscall } = error as Record<string, unknown>;
  if (typeof message !== 'string') return null;
  return {
    message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof syscall === 'string' ? { syscall } : {}),
  };
}

/** True for the usage errors of `util.parseArgs`. */
export function isParseArgsError(error: unknown): error is Error {
  return nodeError(error)?.code?.startsWith('ERR_PARSE_ARGS_') ?? false;
}
