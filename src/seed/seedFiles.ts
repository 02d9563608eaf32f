import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a directory, recursively, in sorted order (by name at each level). */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listSeedFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
