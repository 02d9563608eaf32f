import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * A digest of every file under a seed directory (relative paths and contents, in sorted
 * order): equal fingerprints mean the same content, so a compiled copy of it may stand in.
 */
export async function seedFingerprint(seedDir: string): Promise<string> {
  const files = await listFiles(seedDir);
  // Read in parallel (this runs on every cold start), hashed in the sorted order.
  const contents = await Promise.all(files.map((file) => readFile(file)));
  const hash = createHash('sha256');
  files.forEach((file, i) => {
    hash.update(relative(seedDir, file)).update('\0').update(contents[i]!).update('\0');
  });
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
