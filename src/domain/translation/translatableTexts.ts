import type { CollectionName } from '../bundle.js';
import type { Lesson } from '../lesson.js';

/**
 * One translatable text of a document: its field path, the Korean source and the English (if
 * any), and the objects a reader is served it from (a localized field, or for a lesson section
 * its title, body and the lesson's whole markdown), so a face can tell that what it served was
 * an outdated translation by the object it localized.
 */
export interface TranslatableText {
  path: string;
  ko: string;
  en: string | undefined;
  holders: readonly object[];
}

/**
 * Every translatable text of a document, in document order. Lessons are tracked per section
 * (`sections.<anchor>`: the section's markdown, heading included), plus their title and summary; every
 * other collection per localized field (`term`, `details.0.text`, `rows.1.cells.0.2` …).
 */
export function translatableTexts(collection: CollectionName, data: unknown): TranslatableText[] {
  if (collection === 'lessons') return lessonTexts(data as Lesson);
  const found: TranslatableText[] = [];
  collectLocalized(data, [], found);
  return found;
}

function lessonTexts(lesson: Lesson): TranslatableText[] {
  const found: TranslatableText[] = [];
  found.push(field('title', lesson.title));
  if (lesson.summary) found.push(field('summary', lesson.summary));
  for (const section of lesson.sections) {
    // A section's markdown starts with its heading: retitling it in Korean outdates its English.
    found.push({
      path: `sections.${section.anchor}`,
      ko: section.body.ko.markdown,
      en: section.body.en?.markdown,
      holders: [section.title, section.body, lesson.markdown],
    });
  }
  return found;
}

function field(path: string, text: { ko: string; en?: string | undefined }): TranslatableText {
  return { path, ko: text.ko, en: text.en, holders: [text] };
}

function collectLocalized(value: unknown, path: (string | number)[], found: TranslatableText[]) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectLocalized(item, [...path, i], found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (isLocalizedText(record)) {
    found.push(field(path.join('.'), record as { ko: string; en?: string }));
    return;
  }
  for (const [key, child] of Object.entries(record)) collectLocalized(child, [...path, key], found);
}

/** A `{ ko, en? }` pair of strings: the shape of every localized text field. */
export function isLocalizedText(value: Record<string, unknown>): boolean {
  return (
    typeof value.ko === 'string' &&
    (value.en === undefined || typeof value.en === 'string') &&
    Object.keys(value).every((key) => key === 'ko' || key === 'en')
  );
}
