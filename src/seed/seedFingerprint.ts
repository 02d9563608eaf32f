import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { seedFilePaths } from './seedFiles.js';

/**
 * A digest of every file under a seed directory (relative paths and contents, in sorted
 * order): equal fingerprints mean the same content, so a compiled copy of it may stand in.
 */
export async function seedFingerprint(seedDir: string): Promise<string> {
  const paths = seedFilePaths(seedDir);
  // Read in parallel (this runs on every cold start), hashed in the sorted order.
  const contents = await Promise.all(paths.map((path) => readFile(`${seedDir}/${path}`)));
  const hash = createHash('sha256');
  paths.forEach((path, i) => {
    hash.update(path).update('\0').update(contents[i]!).update('\0');
  });
  return hash.digest('hex');
}
