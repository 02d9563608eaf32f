import { z } from 'zod';
import { slugSchema } from './ids.js';
import { localizedText } from './localized.js';

/**
 * One correspondence inside an analogy: `source` is the familiar thing (a chef),
 * `target` the idea it stands for (the LLM), `concept` the concept that idea is, if any.
 */
export const analogyPairSchema = z
  .object({
    source: localizedText(160),
    target: localizedText(160),
    concept: slugSchema.optional(),
  })
  .strict();

/** An analogy as structured data: its domain, its text, the pairs it maps and where it breaks. */
export const analogySchema = z
  .object({
    domain: localizedText(80),
    text: localizedText(1500),
    mapping: z.array(analogyPairSchema).max(20).default([]),
    caveats: z.array(localizedText(600)).max(10).default([]),
  })
  .strict();

/** A structured analogy. */
export type Analogy = z.infer<typeof analogySchema>;
/** One source ↔ target pair of an analogy. */
export type AnalogyPair = z.infer<typeof analogyPairSchema>;
