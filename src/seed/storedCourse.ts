import type { BundleTranslations, ContentBundle } from '../domain/bundle.js';
import { trackTranslations } from '../domain/translation/trackTranslations.js';
import type { StoredDocument } from '../store/contentStore.js';
import { MemoryStore } from '../store/memoryStore.js';
import { bundleToWrites } from './bundleToWrites.js';
import { restoreContent } from './restoreContent.js';

/**
 * The translation records each document of a bundle gets when it is stored new: its claimed
 * records after trackTranslations (the code a commit runs), e.g. English a translator rewrote
 * in YAML becomes current. `now` stamps texts that become current or outdated on arrival.
 */
export function finalRecords(bundle: ContentBundle, now: string): BundleTranslations {
  const records: Record<string, Record<string, unknown>> = {};
  for (const write of bundleToWrites(bundle)) {
    const { translations } = trackTranslations({
      collection: write.collection,
      next: write.data,
      now,
      claimed: write.translation?.claimed,
    });
    (records[write.collection] ??= {})[write.id] = translations;
  }
  return records;
}

/**
 * A course as the memory store stores it at start-up, in commit order: what restoreContent
 * leaves in an empty memory store (the same commits, revisions, stamps and final translation
 * records), made by running it, with every timestamp `now`. The build writes this so that a
 * start adopts it as it is (MemoryStore.adopt) and two instances of one deploy agree.
 */
export async function storedCourse(bundle: ContentBundle, now: Date): Promise<StoredDocument[]> {
  const store = new MemoryStore(() => now);
  await restoreContent(store, bundle, finalRecords(bundle, now.toISOString()));
  return (await store.readChanges(0)).documents;
}
