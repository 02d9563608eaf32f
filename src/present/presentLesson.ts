import type { Entry } from '../content/entries.js';
import { lessonContentHash } from '../content/lessonContentHash.js';
import type { Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { NOTHING_OUTDATED, type OutdatedCheck } from '../content/outdatedTranslations.js';
import { Localizer } from './localizer.js';

/** A lesson in a list. */
export function presentLessonItem(
  lesson: Entry<Lesson>,
  locale: Locale,
  outdated: OutdatedCheck = NOTHING_OUTDATED,
) {
  const t = new Localizer(locale, outdated);
  return t.withFallbacks(itemFields(lesson, t));
}

/**
 * A whole lesson in one locale: its sections with their structured blocks (the shapes of
 * src/domain/block.ts, ready to render natively), linked concepts and markdown.
 */
export function presentLesson(
  lesson: Entry<Lesson>,
  locale: Locale,
  outdated: OutdatedCheck = NOTHING_OUTDATED,
) {
  const t = new Localizer(locale, outdated);
  const item = itemFields(lesson, t);
  const sections = lesson.sections.map((section, i) => {
    const content = t.pick(section.body, `sections.${i}.blocks`);
    return {
      anchor: section.anchor,
      level: section.level,
      title: t.text(section.title, `sections.${i}.title`),
      concepts: section.concepts,
      blocks: content.blocks,
      markdown: content.markdown,
    };
  });
  return t.withFallbacks({
    ...item,
    status: lesson.status,
    updatedAt: lesson.updatedAt,
    concepts: lesson.concepts,
    sections,
    locale,
  });
}

// The fields a lesson shows in a list, also the head of the whole lesson.
function itemFields(lesson: Entry<Lesson>, t: Localizer) {
  return {
    slug: lesson.slug,
    number: lesson.number,
    title: t.text(lesson.title, 'title'),
    summary: t.optional(lesson.summary, 'summary'),
    readingMinutes: t.pick(lesson.readingMinutes, 'readingMinutes'),
    // What this locale's readers are served: a Korean-only edit leaves the English hash.
    contentHash: lessonContentHash(lesson, t.locale),
    version: lesson.version,
  };
}
