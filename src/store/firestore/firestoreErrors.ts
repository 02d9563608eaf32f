import { AppError, ErrorCode } from '../../errors.js';

// gRPC status codes that mean "the backend cannot be reached right now".
const UNREACHABLE_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);
// gRPC's ABORTED: a transaction that lost to concurrent ones (after the client's own retries).
const ABORTED = 10;

/**
 * What a failed Firestore call means to our callers, for `what` (e.g. "a commit"): an
 * unreachable backend is UNAVAILABLE; a transaction that kept losing to concurrent writers is a
 * CONFLICT; our own errors, and anything else (a bug, a refusal), pass as they are.
 */
export function storeErrorOf(error: unknown, what: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // Nothing was written, and reading again before retrying is the remedy, as for a version
  // conflict: not an outage, so not UNAVAILABLE (which clients retry blindly).
  if (code === ABORTED) {
    return new AppError(
      ErrorCode.CONFLICT,
      `The content was changed by other writers at the same time (${what} was not applied); read it again and retry.`,
    );
  }
  // A refusal the client retried until its own deadline arrives as DEADLINE_EXCEEDED with the
  // refusal in its message: it is not an outage, so it passes as it is.
  if (typeof code === 'number' && UNREACHABLE_CODES.has(code) && !isRefusal(error)) {
    return new AppError(
      ErrorCode.UNAVAILABLE,
      `The content store is unreachable (${what} failed).`,
    );
  }
  return error;
}

// `RESOURCE_EXHAUSTED`: a request over the server's size limit, or a quota used up.
function isRefusal(error: unknown): boolean {
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /RESOURCE_EXHAUSTED|exceeds maximum size/.test(message);
}
