import type { CollectionName } from '../domain/bundle.js';
import {
  fieldTranslations,
  summarizeTranslations,
  type FieldTranslation,
  type TranslationSummary,
} from '../domain/translation/translationState.js';
import type { DocumentMeta } from '../store/contentStore.js';
import { withoutMeta, type Entry } from './entries.js';

/** A document's English: the state of each of its texts and the summary of them. */
export interface DocumentTranslation {
  fields: readonly FieldTranslation[];
  summary: TranslationSummary;
}

// Entries are immutable per revision: each one's translation is derived once (fingerprinting
// every text is the work) and shared by every request that reads that revision.
const derived = new WeakMap<object, DocumentTranslation>();

/** The translation of a live document of the read model, derived once per entry. */
export function translationOf(
  collection: CollectionName,
  entry: Entry<object>,
): DocumentTranslation {
  const known = derived.get(entry);
  if (known) return known;
  const fields = fieldTranslations(
    collection,
    withoutMeta(entry as Entry<object> & DocumentMeta),
    (entry as DocumentMeta).translations,
  );
  const translation = { fields, summary: summarizeTranslations(fields) };
  derived.set(entry, translation);
  return translation;
}
