import { join } from 'node:path';
import type { CollectionName } from '../domain/bundle.js';

/** The directory of a seed that holds the translation records, one sidecar file per collection. */
export const TRANSLATIONS_DIR = 'translations';

/**
 * Where a collection's translation records live in a seed directory, relative to it: beside the
 * content rather than inside it, so the files people edit hold only text.
 */
export function translationsFile(collection: CollectionName): string {
  return join(TRANSLATIONS_DIR, `${collection}.yaml`);
}
