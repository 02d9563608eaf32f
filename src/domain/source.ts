import { z } from 'zod';
import { anchorSchema, slugSchema } from './ids.js';

/** Where a piece of content comes from: a section of a lesson. */
export const sourceRefSchema = z
  .object({
    lesson: slugSchema,
    section: anchorSchema,
  })
  .strict();

/** A citation of a lesson section. */
export type SourceRef = z.infer<typeof sourceRefSchema>;
