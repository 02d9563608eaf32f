import { pino, type DestinationStream } from 'pino';

/** A log destination whose buffered lines can be written out at once. */
export interface FlushableDestination extends DestinationStream {
  /** Writes every buffered line now, synchronously. */
  flushSync(): void;
}

/** Where buffered lines finally go: a synchronous writer (stdout's file descriptor). */
export interface LineSink {
  write(data: string): unknown;
}

/**
 * A destination that gathers the lines logged during one turn of the event loop and writes
 * them to `sink` together, in one synchronous write, once the turn's I/O callbacks are done
 * (setImmediate).
 *
 * Why: a synchronous write per line (pino's default) is a system call per request, on the
 * thread that serves requests. pino's asynchronous destination batches too, but leaves a
 * write in flight on libuv's thread pool that an exit may overtake (then lost, or reordered
 * behind the lines flushed at exit), and with a `minLength` it holds lines back until enough
 * arrive, which on an idle instance is never. Here nothing is ever in flight: a line waits
 * at most for the end of the turn it was logged in (a response's line is written in the turn
 * the response ended in: after the response, as the write per line was too), and `flushSync`
 * writes whatever waits.
 * A fatal line is written at once, with everything before it: pino's `fatal` calls the
 * destination's `flushSync` after writing (documented), since the process is about to end.
 */
export function bufferedPerTurn(sink: LineSink): FlushableDestination {
  let pending = '';
  let scheduled = false;
  const flushSync = () => {
    scheduled = false;
    if (pending === '') return;
    const lines = pending;
    pending = '';
    sink.write(lines);
  };
  return {
    write(line: string): void {
      pending += line;
      if (scheduled) return;
      scheduled = true;
      setImmediate(flushSync);
    },
    flushSync,
  };
}

let stdout: FlushableDestination | undefined;

/**
 * The process's stdout for log lines (one per process, made on first use): buffered per turn
 * of the event loop and flushed synchronously when the process exits. The functions framework
 * turns SIGTERM and SIGINT into `process.exit()` (its invoker's signal handlers), and every
 * exit, that one, a `process.exit(1)` after a failed start or the end of the event loop, emits
 * 'exit', whose listeners run synchronously before the process ends: no line logged before it
 * is lost. Written through pino's synchronous destination (sonic-boom), which retries a pipe
 * that is full (EAGAIN) instead of dropping the line.
 */
export function stdoutDestination(): FlushableDestination {
  if (!stdout) {
    const destination = bufferedPerTurn(pino.destination({ dest: 1, sync: true }));
    process.on('exit', () => destination.flushSync());
    stdout = destination;
  }
  return stdout;
}
