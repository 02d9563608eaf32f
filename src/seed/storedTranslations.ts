import type { BundleTranslations } from '../domain/bundle.js';
import type { TranslationMap } from '../domain/translation/translationRecord.js';
import { translatableTexts } from '../domain/translation/translatableTexts.js';
import type { StoredDocument } from '../store/contentStore.js';

/**
 * The translation records of live stored documents as a bundle's `translations`: per collection
 * and id, the records of the texts that have English (an outdated record keeps its `source` and
 * `since`). Records for anything else are left out, so what an export writes always loads
 * again. Undefined when no document has a record.
 */
export function storedTranslations(
  documents: readonly StoredDocument[],
): BundleTranslations | undefined {
  const result: BundleTranslations = {};
  let any = false;
  for (const doc of documents) {
    if (doc.deleted || !doc.translations) continue;
    const translated = new Set(
      translatableTexts(doc.collection, doc.data)
        .filter((text) => text.en !== undefined)
        .map((text) => text.path),
    );
    const records: TranslationMap = Object.fromEntries(
      Object.entries(doc.translations).filter(([path]) => translated.has(path)),
    );
    if (Object.keys(records).length === 0) continue;
    (result[doc.collection] ??= {})[doc.id] = records;
    any = true;
  }
  return any ? result : undefined;
}
