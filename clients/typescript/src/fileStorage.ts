import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncStorage } from './syncStorage.js';

/**
 * A SyncStorage in a directory, one file per key (Node, Electron, CLI tools). A write goes to a
 * temporary file renamed over the old one, so a crash mid-write leaves the previous copy whole.
 * A separate entry point (`@llm-course/client/file-storage`) so browser bundles never see node:fs.
 */
export class FileStorage implements SyncStorage {
  constructor(private readonly directory: string) {}

  /** See SyncStorage.get. */
  async get(key: string): Promise<string | null> {
    try {
      return await readFile(this.pathOf(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** See SyncStorage.set. */
  async set(key: string, value: string): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const target = this.pathOf(key);
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, value, 'utf8');
    await rename(temporary, target);
  }

  /** See SyncStorage.delete. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  // Keys become file names: anything but [A-Za-z0-9._-] is escaped, so no key leaves the directory.
  private pathOf(key: string): string {
    return join(this.directory, `${encodeURIComponent(key).replace(/\./g, '%2E')}.json`);
  }
}
