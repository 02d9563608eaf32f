/**
 * The SDK starts a read-write transaction lazily inside its first read and keeps a second promise
 * for the transaction id that only later reads await. When the first read is also the only one
 * and it fails (the backend is down, the client was closed), that promise rejects with no
 * handler: an unhandled rejection that would crash the process. The failure already reaches us
 * through the read itself, so the duplicate is observed here; call it right after issuing the
 * transaction's first read. (Private field: if it disappears, this does nothing.)
 */
export function observeLazyTransactionStart(tx: unknown): void {
  const pending = (tx as { _transactionIdPromise?: Promise<unknown> })._transactionIdPromise;
  pending?.catch(() => undefined);
}
