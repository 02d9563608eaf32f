import { COLLECTIONS, type BundleTranslations, type ContentBundle } from '../domain/bundle.js';
import { documentIdOf } from '../domain/documentId.js';
import { textFingerprint } from '../domain/translation/fingerprint.js';
import type { TranslationMap } from '../domain/translation/translationRecord.js';
import { translatableTexts } from '../domain/translation/translatableTexts.js';
import { effectiveClaims } from './importClaims.js';

/**
 * The translation records a seed's files call for, from its content and its present records:
 * every English text keeps the record made for it (outdated ones included, with their source),
 * and English without one (written or rewritten in the YAML since the records were) is recorded
 * as made from the Korean beside it. Records of texts and documents that are gone are dropped.
 * Involves no clock, so refreshing twice gives the same records.
 */
export function refreshTranslations(bundle: ContentBundle): BundleTranslations {
  const result: BundleTranslations = {};
  for (const collection of COLLECTIONS) {
    for (const data of bundle[collection] as unknown[]) {
      const id = documentIdOf(collection, data);
      const kept = effectiveClaims(collection, data, bundle.translations?.[collection]?.[id], {});
      const records: TranslationMap = {};
      for (const text of translatableTexts(collection, data)) {
        if (text.en === undefined) continue;
        records[text.path] = kept?.[text.path] ?? {
          ko: textFingerprint(text.ko),
          en: textFingerprint(text.en),
        };
      }
      if (Object.keys(records).length > 0) (result[collection] ??= {})[id] = records;
    }
  }
  return result;
}
