import { z } from 'zod';
import { categorySchema } from './category.js';
import { comparisonSchema } from './comparison.js';
import { conceptSchema } from './concept.js';
import { lessonSchema } from './lesson.js';
import { relationSchema } from './relation.js';
import { translationMapSchema, type TranslationMap } from './translation/translationRecord.js';

/** A collection's translation records in a bundle: document id -> field path -> record. */
export const collectionTranslationsSchema = z.record(
  z.string().min(1).max(300),
  translationMapSchema,
);

/**
 * The translation records a bundle brings, per collection and document id (a seed's
 * `translations/` sidecar files, an export of the store's records). Optional: without them the
 * store's own records apply.
 */
export const bundleTranslationsSchema = z
  .object({
    categories: collectionTranslationsSchema.optional(),
    concepts: collectionTranslationsSchema.optional(),
    relations: collectionTranslationsSchema.optional(),
    comparisons: collectionTranslationsSchema.optional(),
    lessons: collectionTranslationsSchema.optional(),
  })
  .strict();

/** The whole content of the course, as one value: what a seed directory or an export holds. */
export const contentBundleSchema = z
  .object({
    categories: z.array(categorySchema),
    concepts: z.array(conceptSchema),
    relations: z.array(relationSchema),
    comparisons: z.array(comparisonSchema),
    lessons: z.array(lessonSchema),
    translations: bundleTranslationsSchema.optional(),
  })
  .strict();

/** The whole content of the course. */
export type ContentBundle = z.infer<typeof contentBundleSchema>;

/** A bundle's translation records: per collection, document id -> field path -> record. */
export type BundleTranslations = { [C in CollectionName]?: Record<string, TranslationMap> };

/** Names of the content collections (also the Firestore collection names). */
export const COLLECTIONS = [
  'categories',
  'concepts',
  'relations',
  'comparisons',
  'lessons',
] as const;
/** A content collection name. */
export type CollectionName = (typeof COLLECTIONS)[number];
