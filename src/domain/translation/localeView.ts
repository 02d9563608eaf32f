import { createHash } from 'node:crypto';
import type { CollectionName } from '../bundle.js';
import { LOCALES, type Locale } from '../locale.js';
import { fieldTranslations } from './translationState.js';
import type { TranslationMap } from './translationRecord.js';

/**
 * A fingerprint per locale of what a reader of that locale is served from a document: every
 * per-locale value (`{ ko, en }`) reduced to the one served (the locale's, else Korean), whether
 * it fell back, whether it is an outdated translation, and every value that is not per-locale.
 * Two versions of a document with the same fingerprint for a locale look the same to its
 * readers: a Korean-only edit leaves the English fingerprint as it was.
 */
export function localeFingerprints(
  collection: CollectionName,
  data: unknown,
  translations: TranslationMap | undefined,
): Record<Locale, string> {
  const outdated = new Set<object>(
    fieldTranslations(collection, data, translations)
      .filter((field) => field.state === 'OUTDATED')
      .flatMap((field) => field.holders),
  );
  return Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      createHash('sha256')
        .update(JSON.stringify(project(data, locale, outdated)))
        .digest('hex')
        .slice(0, 16),
    ]),
  ) as Record<Locale, string>;
}

// The lesson's content hash covers both locales' markdown: it is not what a reader of one sees.
const BOTH_LOCALES = new Set(['contentHash']);

function project(value: unknown, locale: Locale, outdated: ReadonlySet<object>): unknown {
  if (Array.isArray(value)) return value.map((item) => project(item, locale, outdated));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if ('ko' in record && Object.keys(record).every((key) => key === 'ko' || key === 'en')) {
    const served = record[locale] ?? record.ko;
    return {
      served: project(served, locale, outdated),
      fellBack: record[locale] === undefined,
      outdated: locale !== 'ko' && outdated.has(record),
    };
  }
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => !BOTH_LOCALES.has(key))
      .map(([key, child]) => [key, project(child, locale, outdated)]),
  );
}
