import type { DocumentWrite } from './contentStore.js';

/** A commit writes each document at most once (Firestore refuses two writes to one document). */
export function assertDistinctWrites(writes: readonly DocumentWrite[]): void {
  const seen = new Set<string>();
  for (const write of writes) {
    const key = `${write.collection}/${write.id}`;
    if (seen.has(key)) throw new Error(`a commit writes ${key} twice`);
    seen.add(key);
  }
}
