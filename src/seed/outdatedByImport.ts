import type { CollectionName } from '../domain/bundle.js';
import { trackTranslations } from '../domain/translation/trackTranslations.js';
import type { TranslationMap } from '../domain/translation/translationRecord.js';
import { fieldTranslations } from '../domain/translation/translationState.js';

/** A document as stored before an import writes it. */
interface StoredState {
  data: unknown;
  translations?: TranslationMap | undefined;
}

// The time the planned records would carry. The state of a text does not depend on it, and
// the store stamps the real time when it commits.
const PLANNED = 'planned';

/**
 * The paths of a document whose English an import would leave OUTDATED that were not before
 * it: the records the write would leave are computed with the store's own tracking
 * (trackTranslations, as stampWrites runs it), and their states with fieldTranslations.
 */
export function outdatedByImport(
  collection: CollectionName,
  previous: StoredState | undefined,
  next: unknown,
  claimed: TranslationMap | undefined,
): string[] {
  const before = new Set(
    previous ? outdatedPaths(collection, previous.data, previous.translations) : [],
  );
  const after = trackTranslations({ collection, previous, next, now: PLANNED, claimed });
  return outdatedPaths(collection, next, after.translations).filter((path) => !before.has(path));
}

function outdatedPaths(
  collection: CollectionName,
  data: unknown,
  translations: TranslationMap | undefined,
): string[] {
  return fieldTranslations(collection, data, translations)
    .filter((field) => field.state === 'OUTDATED')
    .map((field) => field.path);
}
