import { z } from 'zod';
import { blockSchema } from './block.js';
import { anchorSchema, slugSchema } from './ids.js';
import { localizedText } from './localized.js';
import { authoredMarkdown } from './text.js';
import { contentStatusSchema } from './status.js';

/**
 * Largest lesson markdown accepted per locale, in UTF-16 code units (roughly characters): about
 * 6× the course's lesson. Bounded for the parser's sake (see markdown/markdownBounds.ts) and for
 * Firestore's, whose documents hold at most 1 MiB: a lesson stores its markdown in both locales,
 * again split by section, and the blocks built from it.
 */
export const MAX_LESSON_MARKDOWN = 50_000;

/** A section's content in one locale: its blocks and the markdown they were built from. */
export const sectionBodySchema = z
  .object({
    blocks: z.array(blockSchema).max(2000),
    markdown: z.string().max(MAX_LESSON_MARKDOWN),
  })
  .strict();

/** A lesson section, built from one markdown heading and the content up to the next heading. */
export const sectionSchema = z
  .object({
    anchor: anchorSchema,
    level: z.number().int().min(1).max(6),
    title: localizedText(300),
    body: z.object({ ko: sectionBodySchema, en: sectionBodySchema.optional() }).strict(),
    concepts: z.array(slugSchema),
  })
  .strict();

/** A lesson as stored and served: parsed sections plus the markdown it was parsed from. */
export const lessonSchema = z
  .object({
    slug: slugSchema,
    number: z.number().int().min(0).max(10_000).nullable(),
    title: localizedText(300),
    summary: localizedText(1000).optional(),
    status: contentStatusSchema,
    markdown: z
      .object({
        ko: authoredMarkdown(MAX_LESSON_MARKDOWN),
        en: authoredMarkdown(MAX_LESSON_MARKDOWN).optional(),
      })
      .strict(),
    sections: z.array(sectionSchema).min(1).max(500),
    concepts: z.array(slugSchema),
    readingMinutes: z.object({
      ko: z.number().int().min(1),
      en: z.number().int().min(1).optional(),
    }),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** What an author writes for a lesson: metadata and the markdown per locale. */
export const lessonSourceSchema = z
  .object({
    slug: slugSchema,
    number: z.number().int().min(0).max(10_000).nullable().default(null),
    title: localizedText(300),
    summary: localizedText(1000).optional(),
    status: contentStatusSchema.default('PUBLISHED'),
    markdown: z
      .object({
        ko: authoredMarkdown(MAX_LESSON_MARKDOWN),
        en: authoredMarkdown(MAX_LESSON_MARKDOWN).optional(),
      })
      .strict(),
  })
  .strict();

/** A lesson. */
export type Lesson = z.infer<typeof lessonSchema>;
/** A lesson section. */
export type Section = z.infer<typeof sectionSchema>;
/** A section's blocks and markdown in one locale. */
export type SectionBody = z.infer<typeof sectionBodySchema>;
/** An authored lesson before parsing. */
export type LessonSource = z.infer<typeof lessonSourceSchema>;
