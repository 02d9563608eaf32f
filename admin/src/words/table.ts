/** The console's own languages (the content has its own locales). */
export type UiLanguage = 'ko' | 'en';

/** A table of the console's texts: each key in Korean and in English. */
export type WordTable = Record<string, Record<UiLanguage, string>>;
