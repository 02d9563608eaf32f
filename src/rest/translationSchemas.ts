import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../content/pagination.js';
import { slugSchema } from '../domain/ids.js';

const STATES = ['CURRENT', 'OUTDATED', 'MISSING'] as const;
const TYPES = ['concept', 'lesson', 'comparison', 'category', 'relation'] as const;

// Only English is a translation: Korean is the source.
const translatedLocale = z
  .enum(['en'])
  .optional()
  .describe('The translated locale (only en: Korean is the source); default en');

/** GET /v1/translations */
export const translationQueueQuery = z
  .object({
    locale: translatedLocale,
    state: z
      .string()
      .max(40)
      .regex(/^(current|outdated|missing)(,(current|outdated|missing))*$/)
      .optional()
      .describe('Comma-separated states a document must have a text in; default outdated,missing'),
    type: z.enum(TYPES).optional().describe('Only this kind of document'),
    limit: z.coerce.number().int().min(0).max(MAX_PAGE_SIZE).optional(),
    cursor: z.string().max(512).optional().describe('nextCursor of the previous page'),
  })
  .strict();

/** GET /v1/translations/{type}/{id} */
export const translationParams = z.object({
  type: z.enum(TYPES),
  // Relations are named `from__KIND__to`.
  id: z.union([slugSchema, z.string().regex(/^[a-z0-9-]+__[A-Z_]+__[a-z0-9-]+$/)]),
});

/** GET /v1/translations/{type}/{id} */
export const translationStatusQuery = z
  .object({
    locale: translatedLocale,
    all: z
      .enum(['true', 'false'])
      .optional()
      .describe('true: list every text, CURRENT ones included'),
  })
  .strict();

const fieldTranslation = z.object({
  path: z.string().describe('Field path: definition, details.0.text, sections.tuning …'),
  state: z.enum(STATES),
  source: z.string().describe('The present Korean'),
  translation: z.string().nullable().describe('The present English; null when MISSING'),
  translatedFrom: z
    .string()
    .nullable()
    .describe('OUTDATED: the Korean the English was made from (null when unknown)'),
  sourceDiff: z
    .array(z.object({ kind: z.enum(['SAME', 'ADDED', 'REMOVED']), text: z.string() }))
    .nullable()
    .describe('OUTDATED: the change from translatedFrom to source, character by character'),
  sourceChangedAt: z.string().nullable(),
  translatedBy: z.string().nullable(),
  translatedAt: z.string().nullable(),
});

/** A document and its translation. */
export const translatedDocumentSchema = z.object({
  type: z.enum(TYPES),
  id: z.string(),
  title: z.string().describe('Its Korean term, title or name'),
  version: z.number().int(),
  status: z.enum(['DRAFT', 'PUBLISHED']).nullable(),
  since: z.string().describe('Oldest change of Korean among its OUTDATED texts, else last write'),
  translation: z.object({
    locale: z.literal('en'),
    state: z.enum(STATES).describe('MISSING if any text lacks English, else OUTDATED if any is'),
    current: z.number().int(),
    outdated: z.number().int(),
    missing: z.number().int(),
    fields: z.array(fieldTranslation),
  }),
});

/** GET /v1/translations */
export const translationQueueSchema = z.object({
  items: z.array(translatedDocumentSchema),
  totalCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
