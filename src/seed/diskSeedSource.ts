import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedSource } from './seedSource.js';

/** A seed directory on disk: what `npm run seed`, the compiled seed and the tests load. */
export function diskSeedSource(seedDir: string): SeedSource {
  return {
    name: seedDir,
    exists: () =>
      stat(seedDir).then(
        (info) => info.isDirectory(),
        () => false,
      ),
    list: (dir) =>
      readdir(join(seedDir, dir)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      }),
    read: (file) =>
      readFile(join(seedDir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      }),
  };
}
