import { createContext, useContext, useMemo } from 'react';
import { isWordKey, word, type UiLanguage, type WordKey } from './words/index.js';

const LanguageContext = createContext<UiLanguage>('ko');

/** Provides the console's language to every screen below it. */
export const LanguageProvider = LanguageContext.Provider;

/** The console's language. */
export function useLanguage(): UiLanguage {
  return useContext(LanguageContext);
}

/** The console's text lookup in its current language. */
export function useWords(): (key: WordKey) => string {
  const language = useLanguage();
  return useMemo(() => (key: WordKey) => word(language, key), [language]);
}

/** The console's message for an API error code (`error.NETWORK` …), the server one if unknown. */
export function errorWord(language: UiLanguage, code: string): string {
  const key = `error.${code}`;
  return word(language, isWordKey(key) ? key : 'error.SERVER');
}
