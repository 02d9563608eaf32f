import { z } from 'zod';
import type { Locale } from './locale.js';
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
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

/** Any value held per locale: Korean (the source locale) always, English when translated. */
export type PerLocale<T> = { ko: T; en?: T | undefined };

/**
 * The one rule for serving a localized value, used by every face (REST, GraphQL, bundles,
 * search): the requested locale's value when it exists, else the source locale's, and then
 * `fellBack` is called so the caller can tell its client which field fell back (REST and
 * bundles as `fallbacks` JSON paths, GraphQL as `extensions.locale`).
 */
export function localize<T>(value: PerLocale<T>, locale: Locale, fellBack: () => void): T {
  const translated = value[locale];
  if (translated !== undefined) return translated;
  fellBack();
  return value.ko; // SOURCE_LOCALE, as the type above holds it
}
