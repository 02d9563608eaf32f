import { posix } from 'node:path';
import type { SeedSource } from './seedSource.js';

/** One file of a seed held in memory: its path relative to the seed's root, and its text. */
export interface SeedFileText {
  path: string;
  content: string;
}

/**
 * A seed made of files held in memory (uploaded by the admin console): the same layout as a
 * seed directory, each file named by its path relative to the root (`concepts/encoder.yaml`).
 * The caller checks the paths first (see editing/seedFilesInput.ts); here a path is only a name.
 */
export function memorySeedSource(
  files: readonly SeedFileText[],
  name = 'the uploaded files',
): SeedSource {
  const texts = new Map(files.map((file) => [file.path, file.content]));
  return {
    name,
    exists: () => Promise.resolve(true),
    list: (dir) => {
      // posix.dirname of a root file is ".", which the loader calls "".
      const wanted = dir === '' ? '.' : posix.normalize(dir);
      return Promise.resolve(
        [...texts.keys()]
          .filter((path) => posix.dirname(path) === wanted)
          .map((path) => posix.basename(path)),
      );
    },
    read: (file) => Promise.resolve(texts.get(posix.normalize(file))),
  };
}
