/**
 * Waits until `lines()` (a log capture, filled as the server writes) holds at least `count`
 * lines, polling every 5 ms, for at most `timeoutMs`; then returns either way (the caller's
 * expectation says what is missing). A request's log line is written once its response has
 * finished, after the client has its answer: a short fixed bound fails on a loaded machine, and a
 * poll waits only as long as the line takes.
 */
export async function waitForLines(
  lines: () => readonly unknown[],
  count = 1,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (lines().length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
