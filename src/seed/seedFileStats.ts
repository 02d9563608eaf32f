import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { listSeedFiles } from './seedFiles.js';

/**
 * A seed file as the build saw it: its path relative to the seed directory, its size in bytes
 * and its modification time in nanoseconds (as a decimal string: it exceeds a double's
 * precision).
 */
export type SeedFileStat = [path: string, size: number, mtimeNs: string];

/**
 * The stats of every file under a seed directory, in the order seedFingerprint hashes them.
 * Equal stats stand for equal content (an edit changes a file's mtime) without reading a
 * byte; different stats prove nothing (a deploy may reset mtimes), so the caller hashes then.
 */
export async function seedFileStats(seedDir: string): Promise<SeedFileStat[]> {
  const files = await listSeedFiles(seedDir);
  // One after another, synchronously: at a start this runs while the compiled files are read,
  // and thousands of stat calls through the thread pool cost twice as much as the calls.
  return files.map((file) => {
    const stats = statSync(file, { bigint: true });
    return [relative(seedDir, file), Number(stats.size), String(stats.mtimeNs)];
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
