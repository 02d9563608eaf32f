/**
 * Asks `read` every `intervalMs` until `accept` takes its answer, and returns that answer; throws
 * with the last answer after `timeoutMs`. For what converges in the background (a refresh that
 * an earlier request started): a fixed sleep would fail on a loaded machine, a poll only waits
 * as long as the work takes.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (answer: T) => boolean,
  { timeoutMs = 5000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await read();
    if (accept(answer)) return answer;
    if (Date.now() >= deadline) {
      throw new Error(
        `no accepted answer within ${timeoutMs} ms; the last: ${JSON.stringify(answer)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
