import { AppError, ErrorCode } from '../errors.js';

/**
 * Resolves like `work`, or rejects with UNAVAILABLE once `ms` have passed. The store's client
 * retries on its own for minutes when its backend is unreachable; callers need an answer sooner.
 * `onAbandon` runs when the deadline wins, so the work can stop retrying. (A commit already sent
 * may still land; commits are transactions, so it lands whole or not at all.)
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onAbandon?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onAbandon?.();
      reject(
        new AppError(
          ErrorCode.UNAVAILABLE,
          `The content store did not answer ${what} within ${ms} ms.`,
        ),
      );
    }, ms);
  });
  // If the deadline wins, `work` is abandoned: observe its late failure (the client may even
  // have been closed by then) so it cannot surface as an unhandled rejection and crash the process.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
