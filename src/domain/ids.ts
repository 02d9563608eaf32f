import { z } from 'zod';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug or anchor accepted anywhere (public ids stay short and URL-safe). */
export const MAX_SLUG_LENGTH = 80;

/** A public, stable, kebab-case identifier (concepts, categories, lessons, comparisons). */
export const slugSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_SLUG_LENGTH, `must be at most ${MAX_SLUG_LENGTH} characters`)
  .regex(
    KEBAB_CASE,
    'must be kebab-case: lowercase letters and digits separated by single hyphens',
  );

/** A section anchor inside a lesson: same shape as a slug. */
export const anchorSchema = slugSchema;

/** A public slug. */
export type Slug = z.infer<typeof slugSchema>;
