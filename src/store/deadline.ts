import { AppError, ErrorCode } from '../errors.js';

/**
 * Resolves like `work`, or rejects with UNAVAILABLE once `ms` have passed. The store's client
 * retries on its own for minutes when its backend is unreachable; callers need an answer sooner.
 * (The abandoned call may still complete later; commits are transactions, so it lands whole or not.)
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            ErrorCode.UNAVAILABLE,
            `The content store did not answer ${what} within ${ms} ms.`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
