// The Firestore SDK retries a request that its caller abandoned at the store's deadline; if the
// CLI has closed the store (terminating the client) by then, the retry is refused and the SDK
// drops that refusal (`void this._clientPool.run(…)` in its request streams): an unhandled
// rejection whose stack trace would follow the CLI's own clear UNAVAILABLE message.
const CLIENT_TERMINATED = 'The client has already been terminated';

let installed = false;

/**
 * For a command about to close its store: from then on, lets the SDK's dropped "client has
 * already been terminated" refusals pass silently. Any other unhandled rejection is thrown on,
 * so it still ends the process with its stack trace as Node's default would.
 */
export function ignoreTerminatedClientRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && reason.message === CLIENT_TERMINATED) return;
    throw reason;
  });
}
