import { z } from 'zod';
import { slugSchema } from './ids.js';
import { localizedText } from './localized.js';

/** A category groups concepts (fundamentals, llm-types, …); `order` sorts them for display. */
export const categorySchema = z
  .object({
    slug: slugSchema,
    name: localizedText(80),
    description: localizedText(500).optional(),
    order: z.number().int().min(0).max(10_000),
  })
  .strict();

/** A category as stored and served. */
export type Category = z.infer<typeof categorySchema>;
