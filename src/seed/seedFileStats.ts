import { statSync } from 'node:fs';
import { seedFilePaths } from './seedFiles.js';

/**
 * A seed file as the build saw it: its path relative to the seed directory (`/`-separated), its
 * size in bytes and its modification time in milliseconds (with the fraction the file system
 * keeps: sub-microsecond on the file systems we run on).
 */
export type SeedFileStat = [path: string, size: number, mtimeMs: number];

/**
 * The stats of every file under a seed directory, in the order seedFingerprint hashes them
 * (by name at each level, a directory's files where the directory sorts). Equal stats stand
 * for equal content (an edit changes a file's mtime) without reading a byte; different stats
 * prove nothing (a deploy may reset mtimes), so the caller hashes then.
 */
export function seedFileStats(seedDir: string): SeedFileStat[] {
  // One call after another, on this thread (see seedFilePaths). Plain stats, not BigInt ones:
  // a BigIntStats object and its dates are garbage made per file.
  return seedFilePaths(seedDir).map((path) => {
    const { size, mtimeMs } = statSync(`${seedDir}/${path}`);
    return [path, size, mtimeMs];
  });
}

/** True when two lists of seed file stats name the same files with the same sizes and mtimes. */
export function sameSeedFileStats(a: readonly SeedFileStat[], b: readonly SeedFileStat[]): boolean {
  return (
    a.length === b.length &&
    a.every(([path, size, mtime], i) => {
      const other = b[i]!;
      return path === other[0] && size === other[1] && mtime === other[2];
    })
  );
}
