import { strFromU8, unzipSync } from 'fflate';

/** One file of a seed as the API takes it: its path relative to the seed's root, its text. */
export interface PickedFile {
  path: string;
  content: string;
}

/** The seed files found in what was picked, and how many other files were left out. */
export interface PickedSeed {
  files: PickedFile[];
  skipped: number;
}

/** Most bytes a picked seed may unpack to (the API takes 4 MiB; a zip may hold other files). */
export const MAX_PICKED_BYTES = 16 * 1024 * 1024;

/** A pick the console will not send: too large once unpacked, or not a readable zip. */
export class PickError extends Error {
  constructor(readonly reason: 'tooLarge' | 'badArchive') {
    super(reason);
  }
}

// Files a seed is made of; anything else (the seed's source notes, .DS_Store, __MACOSX) stays.
const SEED_FILE = /\.(yaml|md)$/;
const hidden = (path: string) =>
  path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

/**
 * The seed files of a directory picked with `webkitdirectory`: each file's path below the
 * picked directory (the browser names it with the directory first).
 */
export async function filesFromDirectory(picked: readonly File[]): Promise<PickedSeed> {
  const named = picked.map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  const wanted = named.filter(({ path }) => SEED_FILE.test(path) && !hidden(path));
  const bytes = wanted.reduce((n, { file }) => n + file.size, 0);
  if (bytes > MAX_PICKED_BYTES) throw new PickError('tooLarge');
  const texts = await Promise.all(wanted.map(({ file }) => file.text()));
  const files = wanted.map(({ path }, i) => ({ path, content: texts[i] ?? '' }));
  return { files: underRoot(files), skipped: picked.length - wanted.length };
}

/**
 * The seed files of a `.zip` (as `npm run export -- --zip` writes, or a zipped seed directory),
 * unpacked here in the browser (synchronously: the console's CSP allows no worker).
 */
export async function filesFromZip(archive: File): Promise<PickedSeed> {
  const data = new Uint8Array(await archive.arrayBuffer());
  let skipped = 0;
  let bytes = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(data, {
      filter: (entry) => {
        if (entry.name.endsWith('/')) return false;
        if (!SEED_FILE.test(entry.name) || hidden(entry.name)) {
          skipped += 1;
          return false;
        }
        // Refused before inflating: a small archive may unpack to gigabytes.
        bytes += entry.originalSize;
        if (bytes > MAX_PICKED_BYTES) throw new PickError('tooLarge');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PickError) throw error;
    throw new PickError('badArchive');
  }
  const files = Object.entries(entries).map(([path, bytes]) => ({
    path,
    content: strFromU8(bytes),
  }));
  return { files: underRoot(files), skipped };
}

/**
 * Paths relative to the seed's root: when every file sits under one top directory (the picked
 * directory, or a zipped `seed/`) and none is at the top, that directory is left out.
 */
export function underRoot(files: PickedFile[]): PickedFile[] {
  const tops = new Set(
    files.map((file) => (file.path.includes('/') ? file.path.split('/')[0] : '')),
  );
  const [top] = tops;
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (tops.size !== 1 || !top) return sorted;
  return sorted.map((file) => ({ ...file, path: file.path.slice(top.length + 1) }));
}
