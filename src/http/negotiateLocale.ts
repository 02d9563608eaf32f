import Negotiator from 'negotiator';
import { LOCALES, SOURCE_LOCALE, type Locale } from '../domain/locale.js';

/** The best supported locale for an Accept-Language header; Korean when none matches. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return SOURCE_LOCALE;
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    ...LOCALES,
  ]);
  return (best as Locale | undefined) ?? SOURCE_LOCALE;
}
