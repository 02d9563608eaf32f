import { z } from 'zod';
import { categorySchema } from './category.js';
import { comparisonSchema } from './comparison.js';
import { conceptSchema } from './concept.js';
import { lessonSchema } from './lesson.js';
import { relationSchema } from './relation.js';

/** The whole content of the course, as one value: what a seed directory or an export holds. */
export const contentBundleSchema = z
  .object({
    categories: z.array(categorySchema),
    concepts: z.array(conceptSchema),
    relations: z.array(relationSchema),
    comparisons: z.array(comparisonSchema),
    lessons: z.array(lessonSchema),
  })
  .strict();

/** The whole content of the course. */
export type ContentBundle = z.infer<typeof contentBundleSchema>;

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
