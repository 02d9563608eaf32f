import { z } from 'zod';

/**
 * Text written in Korean (the source, always present) and optionally English.
 * `max` bounds each translation so no field can grow without limit.
 */
export function localizedText(max: number) {
  const text = z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
  return z.object({ ko: text, en: text.optional() }).strict();
}

/** A localized string: Korean always, English when translated. */
export type LocalizedText = { ko: string; en?: string | undefined };
