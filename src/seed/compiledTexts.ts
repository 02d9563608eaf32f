import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A compiled course's deferred texts (see deferredTexts), read where they lie in their file
 * when a field is first read: a start reads none of them (37 MB at 300 copies of the course,
 * a quarter of a second of reading and fresh memory), a lesson's first answer reads its own.
 */
export interface CompiledTexts {
  /** The file's size in bytes (a start that finds another than compiled does not use it). */
  readonly size: number;
  /** The UTF-8 text of bytes [start, end) of the file. */
  readonly read: (start: number, end: number) => string;
}

// Open files by identity (device, inode, size, mtime), kept open for the process's life: the
// documents whose fields they hold live as long as the store that adopted them, and every
// instance of the API in one process (tests make hundreds) shares one descriptor per file.
// A rebuild replaces the file (see writeCompiledSeed: written aside, then renamed), so a
// descriptor keeps reading the texts it was opened for.
const openFiles = new Map<string, number>();

/** Opens a compiled course's texts file, or undefined when there is none to read. */
export function openCompiledTexts(path: string): CompiledTexts | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const { dev, ino, size, mtimeMs } = fstatSync(fd);
  const identity = `${dev}:${ino}:${size}:${mtimeMs}`;
  const shared = openFiles.get(identity);
  if (shared !== undefined) {
    closeSync(fd);
    fd = shared;
  } else {
    openFiles.set(identity, fd);
  }
  return { size, read: (start, end) => readSpan(fd, start, end) };
}

function readSpan(fd: number, start: number, end: number): string {
  if (start < 0 || end < start) throw new Error(`compiled texts have no bytes [${start}, ${end})`);
  const bytes = Buffer.allocUnsafe(end - start);
  let filled = 0;
  while (filled < bytes.length) {
    const read = readSync(fd, bytes, filled, bytes.length - filled, start + filled);
    if (read === 0) throw new Error(`compiled texts have no bytes [${start}, ${end})`);
    filled += read;
  }
  return bytes.toString('utf8');
}
