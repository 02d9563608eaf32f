// gRPC's status code for "resource exhausted".
const RESOURCE_EXHAUSTED = 8;

/** A store's refusal of a request as too large or over a quota, as a command reports it. */
export interface StoreRefusal {
  /** What the store said. */
  message: string;
  /** What to do about it. */
  advice: string;
}

/**
 * Recognises Firestore's `RESOURCE_EXHAUSTED` by its shape, as the client hands it over: gRPC
 * code 8, or the status in the message of the error the client gives up with after retrying it
 * (`Total timeout … exceeded … retrying error Error: 8 RESOURCE_EXHAUSTED: …`). Null for
 * anything else.
 */
export function storeRefusal(error: unknown): StoreRefusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return null;
  if (code !== RESOURCE_EXHAUSTED && !/RESOURCE_EXHAUSTED|exceeds maximum size/.test(message)) {
    return null;
  }
  const tooLarge = /maximum size|too large/i.test(message);
  return {
    // gRPC's own prefix would say the status twice.
    message: message.replace(/^\d+ RESOURCE_EXHAUSTED: /, ''),
    advice: tooLarge
      ? 'A request was larger than the store accepts (4 MiB on the emulator, 10 MiB on ' +
        'Firestore). The import sizes its commits to fit (src/store/firestore/firestoreLimits.ts), ' +
        'so this is a bug: please report it with this output.'
      : 'A quota of the Firestore project is used up (the free tier allows 50,000 document reads ' +
        'and 20,000 writes a day). Wait for it to reset or raise it, then run the command again.',
  };
}
