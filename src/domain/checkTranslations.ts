import { COLLECTIONS, type CollectionName, type ContentBundle } from './bundle.js';
import { documentIdOf } from './documentId.js';
import { translatableTexts } from './translation/translatableTexts.js';

/** A translation record of a bundle that belongs to nothing: which collection, where, and why. */
export interface TranslationIssue {
  collection: CollectionName;
  /** The document id, then the field path (when the document exists but the path does not). */
  path: string[];
  message: string;
}

/**
 * Checks that every translation record of a bundle names a document of the bundle and a
 * translatable text of that document. A record for a text without English is accepted (it is
 * left over from before the English was removed, and has no effect); one for a document or a
 * field that is not there is an issue: the records were written for other content.
 */
export function checkTranslations(bundle: ContentBundle): TranslationIssue[] {
  const issues: TranslationIssue[] = [];
  for (const collection of COLLECTIONS) {
    const records = bundle.translations?.[collection];
    if (!records) continue;
    const documents = new Map<string, unknown>(
      bundle[collection].map((data) => [documentIdOf(collection, data), data]),
    );
    for (const [id, map] of Object.entries(records)) {
      const data = documents.get(id);
      if (data === undefined) {
        issues.push({ collection, path: [id], message: `no such document in ${collection}` });
        continue;
      }
      const paths = new Set(translatableTexts(collection, data).map((text) => text.path));
      for (const path of Object.keys(map)) {
        if (!paths.has(path)) {
          issues.push({
            collection,
            path: [id, path],
            message: `${collection}/${id} has no translatable text at ${path}`,
          });
        }
      }
    }
  }
  return issues;
}
