/**
 * How long one slice of background work may hold the event loop: a request that arrives
 * meanwhile waits at most about this long (plus one unit of work) to be taken up.
 */
export const SLICE_MS = 8;

/**
 * Runs work in slices, each in its own turn of the event loop (setImmediate: after the I/O that
 * is ready, so requests are received and answered between slices), starting in the next turn.
 * `step` does work until the deadline it is given (a `performance.now()` time) and returns true
 * once nothing is left. Resolves then; rejects if a step throws.
 *
 * Slices are bounded by time, not by a number of items: what one item costs varies with the
 * content (a concept with long texts costs many short ones) and with the machine.
 */
export function inSlices(step: (deadline: number) => boolean, sliceMs = SLICE_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        if (step(performance.now() + sliceMs)) resolve();
        else setImmediate(slice);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    setImmediate(slice);
  });
}
