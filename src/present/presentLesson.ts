import type { Entry } from '../content/entries.js';
import type { Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';
import { Localizer } from './localizer.js';

/** A lesson in a list. */
export function presentLessonItem(lesson: Entry<Lesson>, locale: Locale) {
  const t = new Localizer(locale);
  const body = {
    slug: lesson.slug,
    number: lesson.number,
    title: t.text(lesson.title, 'title'),
    summary: t.optional(lesson.summary, 'summary'),
    readingMinutes: lesson.readingMinutes[locale] ?? lesson.readingMinutes.ko,
    contentHash: lesson.contentHash,
    version: lesson.version,
  };
  return t.fallbacks.length > 0 ? { ...body, fallbacks: t.fallbacks } : body;
}

/**
 * A whole lesson in one locale: its sections with their structured blocks (the shapes of
 * src/domain/block.ts, ready to render natively), linked concepts and markdown.
 */
export function presentLesson(lesson: Entry<Lesson>, locale: Locale) {
  const t = new Localizer(locale);
  const sections = lesson.sections.map((section, i) => {
    const body = section.body[locale];
    if (!body) t.fallbacks.push(`sections.${i}.blocks`);
    const content = body ?? section.body.ko;
    return {
      anchor: section.anchor,
      level: section.level,
      title: t.text(section.title, `sections.${i}.title`),
      concepts: section.concepts,
      blocks: content.blocks,
      markdown: content.markdown,
    };
  });
  const body = {
    ...presentLessonItem(lesson, locale),
    status: lesson.status,
    updatedAt: lesson.updatedAt,
    concepts: lesson.concepts,
    sections,
    locale,
  };
  const fallbacks = [...('fallbacks' in body ? body.fallbacks : []), ...t.fallbacks];
  return fallbacks.length > 0 ? { ...body, fallbacks } : body;
}
