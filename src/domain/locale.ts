/** The locales the course is written in. Korean is the source language. */
export const LOCALES = ['ko', 'en'] as const;

/** A supported content locale (lower-case, as stored). */
export type Locale = (typeof LOCALES)[number];

/** The locale every field is authored in first; other locales fall back to it. */
export const SOURCE_LOCALE: Locale = 'ko';
