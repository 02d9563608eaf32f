import { createHash } from 'node:crypto';
import type { Lesson } from '../domain/lesson.js';
import type { Locale } from '../domain/locale.js';

// Per lesson object, the hash of each locale asked for so far. Entries are immutable and
// replaced when written (or re-viewed for a reader), so a hash is made once per version and
// locale, not per request; a lesson no snapshot holds any more is collected with its hashes.
const hashes = new WeakMap<Lesson, Partial<Record<Locale, string>>>();

/**
 * The content hash a reader of `locale` is served for a lesson: SHA-256 of what that reader
 * sees of it (its metadata, the text in that locale or the Korean it falls back to, and what
 * is the same in every locale: anchors, levels, the concepts it links). Everything else the
 * lesson serves (sections, blocks, reading time) is built from these, so the hash changes
 * exactly when the lesson does for this reader: a Korean-only edit leaves the English one.
 * The stored `contentHash` covers both locales' markdown and is not served.
 */
export function lessonContentHash(lesson: Lesson, locale: Locale): string {
  let known = hashes.get(lesson);
  if (!known) {
    known = {};
    hashes.set(lesson, known);
  }
  return (known[locale] ??= hashOf(lesson, locale));
}

function hashOf(lesson: Lesson, locale: Locale): string {
  // A fallback is marked, so that a translation equal to the Korean still changes the hash.
  const served = (value: Partial<Record<Locale, unknown>> & { ko: unknown }) =>
    value[locale] !== undefined ? value[locale] : { fallback: value.ko };
  const canonical = JSON.stringify([
    lesson.slug,
    lesson.number,
    lesson.status,
    served(lesson.title),
    lesson.summary ? served(lesson.summary) : null,
    served(lesson.markdown),
    lesson.concepts,
    lesson.sections.map((section) => [section.anchor, section.level, section.concepts]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
