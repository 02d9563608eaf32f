import Negotiator from 'negotiator';
import { LOCALES, SOURCE_LOCALE, type Locale } from '../domain/locale.js';

// Clients send few distinct headers (a browser sends the same one every time): remember them.
const negotiated = new Map<string, Locale>();
const REMEMBERED = 256;

/** The best supported locale for an Accept-Language header; Korean when none matches. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return SOURCE_LOCALE;
  const known = negotiated.get(acceptLanguage);
  if (known) return known;
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    ...LOCALES,
  ]);
  const locale = (best as Locale | undefined) ?? SOURCE_LOCALE;
  // Bounded: hostile clients can send endless distinct headers.
  if (negotiated.size >= REMEMBERED) negotiated.clear();
  if (acceptLanguage.length <= 200) negotiated.set(acceptLanguage, locale);
  return locale;
}
