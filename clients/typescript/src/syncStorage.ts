/**
 * Where an app keeps its offline copies: string values by key. Implement it over what the
 * platform has (AsyncStorage, IndexedDB, SQLite, files); this package ships a memory and a file
 * implementation.
 */
export interface SyncStorage {
  /** The value kept under `key`; null when none. */
  get(key: string): Promise<string | null>;
  /** Keeps `value` under `key`, replacing what was there (all or nothing). */
  set(key: string, value: string): Promise<void>;
  /** Forgets `key` (nothing when absent). */
  delete(key: string): Promise<void>;
}

/** A SyncStorage in memory: for tests, and for apps that only need a copy while they run. */
export class MemoryStorage implements SyncStorage {
  private readonly values = new Map<string, string>();

  /** See SyncStorage.get. */
  get(key: string): Promise<string | null> {
    return Promise.resolve(this.values.get(key) ?? null);
  }

  /** See SyncStorage.set. */
  set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }

  /** See SyncStorage.delete. */
  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
}
