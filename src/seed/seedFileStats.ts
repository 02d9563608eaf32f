import { statSync } from 'node:fs';
import { seedFilePaths } from './seedFiles.js';

/**
 * The files of a seed directory as the build saw them, by position: their paths relative to the
 * directory (`/`-separated), each ended by a NUL (no file name holds one), their sizes in bytes
 * and their modification times in milliseconds (with the fraction the file system keeps:
 * sub-microsecond on the file systems we run on). Three values, not one per file: a start
 * parses these from the compiled course and makes them again, and at 300 copies of the course
 * a tuple per file is 11,000 arrays and strings to make and collect, twice.
 */
export interface SeedFileStats {
  paths: string;
  sizes: number[];
  mtimes: number[];
}

/**
 * The stats of every file under a seed directory, in the order seedFingerprint hashes them
 * (by name at each level, a directory's files where the directory sorts). Equal stats stand
 * for equal content (an edit changes a file's mtime) without reading a byte; different stats
 * prove nothing (a deploy may reset mtimes), so the caller hashes then.
 */
export function seedFileStats(seedDir: string): SeedFileStats {
  // One call after another, on this thread (see seedFilePaths). Plain stats, not BigInt ones:
  // a BigIntStats object and its dates are garbage made per file.
  const paths = seedFilePaths(seedDir);
  const sizes: number[] = [];
  const mtimes: number[] = [];
  for (const path of paths) {
    const { size, mtimeMs } = statSync(`${seedDir}/${path}`);
    sizes.push(size);
    mtimes.push(mtimeMs);
  }
  return { paths: paths.map((path) => `${path}\0`).join(''), sizes, mtimes };
}

/** True when two seed file stats name the same files with the same sizes and mtimes. */
export function sameSeedFileStats(a: SeedFileStats, b: SeedFileStats): boolean {
  return (
    a.paths === b.paths &&
    a.sizes.length === b.sizes.length &&
    a.mtimes.length === b.sizes.length &&
    b.mtimes.length === b.sizes.length &&
    a.sizes.every((size, i) => size === b.sizes[i] && a.mtimes[i] === b.mtimes[i])
  );
}
