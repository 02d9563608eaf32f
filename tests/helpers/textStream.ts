import { Writable } from 'node:stream';

/** A writable stream that collects what a command writes to it, for a test to read back. */
export function textStream(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
}
