import { z } from 'zod';
import { localizedText } from './localized.js';
import { authoredText } from './text.js';

/**
 * An image referenced by the content. `available` is false when only the path and alt text
 * are known (the lesson note's images were never shipped with it).
 */
export const mediaSchema = z
  .object({
    type: z.literal('image'),
    path: authoredText(300),
    alt: localizedText(200),
    available: z.boolean(),
  })
  .strict();

/** An image reference. */
export type Media = z.infer<typeof mediaSchema>;
