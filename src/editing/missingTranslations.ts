import type { Issue } from '../errors.js';

/** Paths of localized fields without English (published content is written in both languages). */
export function missingTranslations(value: unknown, path: (string | number)[] = []): Issue[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => missingTranslations(item, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.ko === 'string' && Object.keys(record).every((k) => k === 'ko' || k === 'en')) {
    return record.en === undefined ? [{ path, message: 'has no English translation' }] : [];
  }
  return Object.entries(record).flatMap(([key, v]) => missingTranslations(v, [...path, key]));
}
