import type { BundleTranslations, ContentBundle } from '../domain/bundle.js';
import type { ContentStore } from '../store/contentStore.js';
import { applyImport } from './applyImport.js';
import { bundleToWrites } from './bundleToWrites.js';

/**
 * Stores a compiled course in an empty store (the memory store at start-up) with the final
 * translation records the build tracked for it: no diff to plan (everything is new) and no
 * text to fingerprint again. Any other import goes through importBundle.
 */
export async function restoreContent(
  store: ContentStore,
  bundle: ContentBundle,
  records: BundleTranslations,
): Promise<void> {
  const writes = bundleToWrites(bundle).map(({ translation: _claims, ...write }) => ({
    ...write,
    expectedVersion: 0,
    translation: { restored: records[write.collection]?.[write.id] ?? {} },
  }));
  // One commit: this is the memory store at start-up, where Firestore's request limits mean
  // nothing and measuring every write against them would be most of the start.
  await applyImport(store, writes, { actor: 'importer', limits: null });
}
