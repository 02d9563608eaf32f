import { writeFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ContentBundle } from '../domain/bundle.js';
import { seedDirectoryFiles } from './exportBundle.js';

/**
 * Writes the bundle as a ZIP of a seed directory (its files at the archive's root), which the
 * admin console's import reads back. Refuses to overwrite an existing file (flag `wx`). Returns
 * the paths inside the archive.
 */
export async function writeSeedZip(bundle: ContentBundle, path: string): Promise<string[]> {
  const files = seedDirectoryFiles(bundle);
  const entries = Object.fromEntries(
    [...files].map(([file, text]) => [file.split(sep).join('/'), strToU8(text)]),
  );
  await writeFile(path, zipSync(entries, { level: 9 }), { flag: 'wx' });
  return Object.keys(entries);
}
