import { z } from 'zod';

/** Publication state: anonymous readers only ever see PUBLISHED content. */
export const contentStatusSchema = z.enum(['DRAFT', 'PUBLISHED']);

/** DRAFT or PUBLISHED. */
export type ContentStatus = z.infer<typeof contentStatusSchema>;
