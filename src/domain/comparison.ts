import { z } from 'zod';
import { slugSchema } from './ids.js';
import { localizedText } from './localized.js';
import { sourceRefSchema } from './source.js';

/** One row of an authored comparison: a label and one cell (a list of points) per concept. */
export const comparisonRowSchema = z
  .object({
    key: slugSchema,
    label: localizedText(120),
    cells: z.array(z.array(localizedText(800)).max(12)).min(1),
  })
  .strict();

/** An authored table comparing concepts side by side (the chef table, LLM vs ML development). */
export const comparisonSchema = z
  .object({
    slug: slugSchema,
    title: localizedText(160),
    description: localizedText(800).optional(),
    concepts: z.array(slugSchema).min(2).max(8),
    rows: z.array(comparisonRowSchema).min(1).max(30),
    source: sourceRefSchema.optional(),
  })
  .strict()
  .superRefine((comparison, ctx) => {
    comparison.rows.forEach((row, index) => {
      if (row.cells.length !== comparison.concepts.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'cells'],
          message: `must have one cell per concept (${comparison.concepts.length}), got ${row.cells.length}`,
        });
      }
    });
    const duplicate = comparison.concepts.find(
      (slug, i) => comparison.concepts.indexOf(slug) !== i,
    );
    if (duplicate) {
      ctx.addIssue({ code: 'custom', path: ['concepts'], message: `lists "${duplicate}" twice` });
    }
  });

/** An authored comparison. */
export type Comparison = z.infer<typeof comparisonSchema>;
/** One row of an authored comparison. */
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;
