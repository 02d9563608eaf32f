import { closeSync, openSync, readSync } from 'node:fs';

// Bytes read at a time. Small on purpose: the buffer is reused for the whole file, so a start
// touches this much fresh memory for its reading instead of two copies of the file (its bytes
// and their string), which cost more than parsing them where fresh memory is slow to get (in a
// virtual machine whose host provides each page on its first touch: about 2.7 ms per MB on the
// machine the benches run on).
const CHUNK_BYTES = 1 << 16;

const NEWLINE = 0x0a;

/**
 * The lines of a file of JSON texts written one per line in ASCII (see asciiJson: JSON.stringify
 * escapes every control character inside a string, so a newline byte only ends a text), each
 * parsed on its own through one buffer reused for the whole file: a start parses a course of
 * tens of megabytes without holding its bytes, or its text, whole.
 */
export class JsonLines {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  // Unread lines are bytes [start, filled) of the buffer; the file is read up to `position`.
  private start = 0;
  private filled = 0;
  private position = 0;
  private atEnd = false;
  private torn = false;

  private constructor(private readonly fd: number) {}

  /** Opens a file to read its lines (throws as openSync does when it cannot). */
  static open(path: string): JsonLines {
    return new JsonLines(openSync(path, 'r'));
  }

  /**
   * The next line's JSON value, or undefined at the end of the file (a JSON text is never
   * undefined). Throws as JSON.parse does for a line that is not JSON.
   */
  next(): unknown {
    for (;;) {
      // Searched in the buffer itself, not a view of its unread part (a view per line is garbage
      // a large start makes thousands of); past `filled` lie bytes of an earlier read.
      const end = this.start < this.filled ? this.buffer.indexOf(NEWLINE, this.start) : -1;
      if (end !== -1 && end < this.filled) {
        // Read as Latin-1: the file is ASCII, so its bytes are its characters (no decoding).
        const text = this.buffer.toString('latin1', this.start, end);
        this.start = end + 1;
        return JSON.parse(text) as unknown;
      }
      if (this.atEnd) {
        // Bytes after the last newline: a file cut short (the writer ends every line).
        this.torn = this.start < this.filled;
        return undefined;
      }
      this.readMore();
    }
  }

  /** Whether the file ended in the middle of a line (known once next() found its end). */
  get endedTorn(): boolean {
    return this.torn;
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }

  // Moves the unread bytes to the front (or into a buffer twice as large, for a line longer
  // than the buffer) and reads on after them.
  private readMore(): void {
    const unread = this.filled - this.start;
    if (unread === this.buffer.length) {
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, this.start, this.filled);
      this.buffer = larger;
    } else {
      this.buffer.copy(this.buffer, 0, this.start, this.filled);
    }
    this.start = 0;
    this.filled = unread;
    const read = readSync(this.fd, this.buffer, unread, this.buffer.length - unread, this.position);
    if (read === 0) this.atEnd = true;
    this.position += read;
    this.filled += read;
  }
}
