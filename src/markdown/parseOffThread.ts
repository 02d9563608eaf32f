import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { projectRoot } from '../paths.js';
import { checkMarkdownBounds } from './markdownBounds.js';
import { MarkdownError } from './markdownError.js';

/** How long the parser may take over one document before it is stopped and the document refused. */
export const PARSE_DEADLINE_MS = 2000;

// What the worker posts: once `ready`, then one answer per document.
type WorkerMessage =
  { ready: true } | { tree: Root } | { error: { name: string; message: string } };

/**
 * Parses markdown on a worker thread (src/markdown/markdownWorker.mjs), one document at a time.
 *
 * Why: a lesson edit must not take the instance away from its readers. Parsing on the request
 * thread would hold every other request for as long as the parse takes; on a worker it only
 * occupies a core. Documents are first held to MARKDOWN_BOUNDS (in the caller's thread: one
 * linear scan), and a parse that still takes over the deadline is stopped by terminating the
 * worker (the next document starts a new one) and refused as a MarkdownError.
 */
export class MarkdownParserThread {
  private worker: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deadlineMs = PARSE_DEADLINE_MS) {}

  /** The mdast tree of a document within the bounds; rejects with a MarkdownError otherwise. */
  parse(markdown: string): Promise<Root> {
    const run = this.queue.then(() => {
      checkMarkdownBounds(markdown);
      return this.run(markdown);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker (a later parse starts a new one). */
  async close(): Promise<void> {
    const worker = await this.worker?.catch(() => undefined);
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Promise<Worker> {
    if (this.worker) return this.worker;
    const started = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(join(projectRoot(), 'src', 'markdown', 'markdownWorker.mjs'));
      // An idle parser must not keep a process alive; a pending parse's deadline timer does.
      worker.unref();
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
      worker.once('exit', () => {
        // Whenever it ends (stopped at a deadline, or crashed), the next parse starts another.
        if (this.worker === started) this.worker = undefined;
        reject(new Error('the markdown worker stopped while starting'));
      });
    });
    this.worker = started;
    return started;
  }

  private async run(markdown: string): Promise<Root> {
    const current = this.started();
    const worker = await current;
    return new Promise<Root>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        outcome();
      };
      const timer = setTimeout(() => {
        settle(() =>
          reject(
            new MarkdownError(
              `took over ${this.deadlineMs} ms to parse; simplify its markup`,
              undefined,
            ),
          ),
        );
        // Forget it now, not at its exit: the next document must not be posted to it.
        if (this.worker === current) this.worker = undefined;
        void worker.terminate();
      }, this.deadlineMs);
      const onMessage = (message: WorkerMessage) => {
        if ('tree' in message) settle(() => resolve(message.tree));
        else if ('error' in message) settle(() => reject(workerFailure(message.error)));
      };
      const onExit = () => {
        settle(() => reject(new Error('the markdown worker stopped during a parse')));
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage(markdown);
    });
  }
}

// The parser recursing past the stack is the document's fault; anything else is ours.
function workerFailure(error: { name: string; message: string }): Error {
  if (error.name === 'RangeError') return new MarkdownError('nests too deeply to parse', undefined);
  return new Error(`the markdown worker failed: ${error.message}`);
}

let shared: MarkdownParserThread | undefined;

/** Parses markdown on the process's shared parser thread (see MarkdownParserThread). */
export function parseOffThread(markdown: string): Promise<Root> {
  shared ??= new MarkdownParserThread();
  return shared.parse(markdown);
}
