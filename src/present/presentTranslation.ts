import type { TranslatedEntry } from '../content/translationQueue.js';
import type { Locale } from '../domain/locale.js';
import { sourceDiff } from '../domain/translation/sourceDiff.js';

/** The REST name of each collection's documents (`concept`, `lesson` …). */
export const DOCUMENT_TYPES = {
  concepts: 'concept',
  lessons: 'lesson',
  comparisons: 'comparison',
  categories: 'category',
  relations: 'relation',
} as const;

/**
 * A document's translation as JSON (REST): its state, counts and the texts that are not
 * CURRENT (every text with `all`), each with the present Korean and English, the Korean the
 * English was made from and the change as a diff.
 */
export function presentTranslatedDocument(item: TranslatedEntry, locale: Locale, all = false) {
  const { summary, fields } = item.translation;
  return {
    type: DOCUMENT_TYPES[item.collection],
    id: item.id,
    title: item.title,
    version: item.entry.version,
    status: (item.entry as { status?: string }).status ?? null,
    since: item.since,
    translation: {
      locale,
      ...summary,
      fields: fields
        .filter((field) => all || field.state !== 'CURRENT')
        .map((field) => ({
          path: field.path,
          state: field.state,
          source: field.ko,
          translation: field.en ?? null,
          translatedFrom: field.source ?? null,
          sourceDiff: field.source === undefined ? null : sourceDiff(field.source, field.ko),
          sourceChangedAt: field.since ?? null,
          translatedBy: field.translatedBy ?? null,
          translatedAt: field.translatedAt ?? null,
        })),
    },
  };
}
