import {
  COLLECTIONS,
  collectionTranslationsSchema,
  type BundleTranslations,
} from '../domain/bundle.js';
import { issuesFromZod } from '../errors.js';
import { listYamlFiles, readYamlFile, type SeedReading } from './readSeedFiles.js';
import { TRANSLATIONS_DIR, translationsFile } from './translationFiles.js';

/**
 * Reads the translation sidecar files of a seed (`translations/<collection>.yaml`:
 * document id -> field path -> record), each validated with zod; a file that is not named after
 * a collection is an issue. Undefined when the seed has none: the store's records then apply.
 * Whether the ids and paths exist is checked once the documents are loaded (checkTranslations).
 */
export async function readTranslations(
  reading: SeedReading,
): Promise<BundleTranslations | undefined> {
  const { issues } = reading;
  const files = await listYamlFiles(reading.source, TRANSLATIONS_DIR);
  if (files.length === 0) return undefined;
  const known = new Set(COLLECTIONS.map(translationsFile));
  for (const file of files.filter((name) => !known.has(name))) {
    issues.push({
      file,
      path: [],
      message: `not a collection's translation file (expected one of ${COLLECTIONS.join(', ')})`,
    });
  }
  const translations: BundleTranslations = {};
  for (const collection of COLLECTIONS) {
    const file = translationsFile(collection);
    if (!files.includes(file)) continue;
    const { data } = await readYamlFile(reading, file);
    if (data === undefined) continue;
    // An empty file is an empty map: no document of the collection has records.
    const parsed = collectionTranslationsSchema.safeParse(data ?? {});
    if (!parsed.success) {
      issuesFromZod(parsed.error).forEach((issue) => issues.push({ file, ...issue }));
      continue;
    }
    translations[collection] = parsed.data;
  }
  return translations;
}
