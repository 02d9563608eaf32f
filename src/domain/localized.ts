import { z } from 'zod';
import { authoredText } from './text.js';

/**
 * Text written in Korean (the source, always present) and optionally English, each held to the
 * rules of authored text (see text.ts). `max` bounds each translation so no field can grow
 * without limit.
 */
export function localizedText(max: number) {
  const text = authoredText(max);
  return z.object({ ko: text, en: text.optional() }).strict();
}

/** A localized string: Korean always, English when translated. */
export type LocalizedText = { ko: string; en?: string | undefined };
