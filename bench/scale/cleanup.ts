// Child processes this scenario starts must not outlive it: the Firestore emulator runs in its
// own process group, so an interrupted run would otherwise leave a JVM behind.
const pending = new Set<() => Promise<void>>();
let installed = false;

/**
 * Runs `work`, then `cleanup` (also when `work` throws). If the process is interrupted
 * (SIGINT, SIGTERM) meanwhile, every pending cleanup runs before it exits. `cleanup` must be
 * safe to call twice.
 */
export async function withCleanup<T>(
  cleanup: () => Promise<void>,
  work: () => Promise<T>,
): Promise<T> {
  installOnce();
  pending.add(cleanup);
  try {
    return await work();
  } finally {
    pending.delete(cleanup);
    await cleanup();
  }
}

function installOnce(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`scale: ${signal}: stopping what this run started\n`);
    void Promise.allSettled([...pending].map((cleanup) => cleanup())).finally(() =>
      process.exit(130),
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
