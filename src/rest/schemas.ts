import { z } from 'zod';
import { contentOriginSchema } from '../domain/concept.js';
import { slugSchema } from '../domain/ids.js';
import { LOCALES } from '../domain/locale.js';
import { MAX_RELATED_DEPTH } from '../content/graph.js';
import { MAX_PAGE_SIZE } from '../content/pagination.js';
import { MAX_QUERY_LENGTH } from '../search/analyzeQuery.js';
import { MAX_SEARCH_RESULTS } from '../search/searchConcepts.js';
import { MAX_SYNC_PAGE } from '../sync/changePage.js';

// Request parameters: every REST input is parsed by one of these (and they generate the
// OpenAPI document). Unknown query parameters are refused.

const locale = z
  .enum(LOCALES)
  .optional()
  .describe('Locale of the answer; default: Accept-Language, then ko');

/** `{slug}` of a concept or a lesson. */
export const slugParams = z.object({ slug: slugSchema });

/** GET /v1/concepts */
export const conceptListQuery = z
  .object({
    category: slugSchema.optional(),
    limit: z.coerce.number().int().min(0).max(MAX_PAGE_SIZE).optional(),
    cursor: z.string().max(512).optional().describe('nextCursor of the previous page'),
    locale,
  })
  .strict();

/** GET /v1/concepts/{slug} and the lesson routes */
export const localeQuery = z.object({ locale }).strict();

/** GET /v1/concepts/{slug}/related */
export const relatedQuery = z
  .object({ depth: z.coerce.number().int().min(1).max(MAX_RELATED_DEPTH).optional(), locale })
  .strict();

/** GET /v1/search */
export const searchQuery = z
  .object({
    q: z.string().trim().min(1, 'must not be empty').max(MAX_QUERY_LENGTH),
    first: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).optional(),
    locale,
  })
  .strict();

/** GET /v1/lessons/{slug}/bundle */
export const bundleQuery = z
  .object({
    locales: z
      .string()
      .regex(/^(ko|en)(,(ko|en))?$/, 'must be ko, en or ko,en')
      .optional()
      .describe('Comma-separated locales to include; default: ko,en'),
  })
  .strict();

/** GET /v1/sync */
export const syncQuery = z
  .object({
    since: z
      .string()
      .max(1024)
      .optional()
      .describe('token of the previous sync in this locale; absent: a full sync'),
    first: z.coerce.number().int().min(1).max(MAX_SYNC_PAGE).optional(),
    locale,
  })
  .strict();

// Answers (documented; the presenters build them).

const text = z.string();
// Every localized object of an answer says which of its fields fell back to Korean.
const fallbacks = z
  .array(z.string())
  .optional()
  .describe(
    'JSON paths, relative to this object (e.g. "details.0.text"), of the fields served in Korean because they have no translation in the requested locale; absent when none fell back',
  );
// … and which were served from an outdated translation (the Korean changed since).
const outdated = z
  .array(z.string())
  .optional()
  .describe(
    'JSON paths, relative to this object, of the fields served from an English translation whose Korean source changed since it was translated (still to be retranslated or confirmed); absent when none',
  );
/** A problem+json error (RFC 9457) with the GraphQL error code. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
});
/** A concept in a list. */
export const conceptItemSchema = z.object({
  slug: z.string(),
  category: z.string(),
  term: text,
  summary: text,
  aliases: z.array(z.string()),
  version: z.number().int(),
  fallbacks,
  outdated,
});
/** A whole concept. */
export const conceptSchema = conceptItemSchema.extend({
  definition: text,
  details: z.array(
    z.object({
      title: text,
      text,
      origin: contentOriginSchema.describe(
        'lesson: from the lesson note; editorial: general knowledge added by the editors',
      ),
    }),
  ),
  examples: z.array(text),
  analogies: z.array(
    z.object({
      domain: text,
      text,
      mapping: z.array(z.object({ source: text, target: text, concept: z.string().nullable() })),
      caveats: z.array(text),
    }),
  ),
  limitations: z.array(text),
  media: z.array(
    z.object({ type: z.string(), path: z.string(), alt: text, available: z.boolean() }),
  ),
  sources: z.array(z.object({ lesson: z.string(), section: z.string() })),
  relations: z.array(
    z.object({
      kind: z.string(),
      direction: z.enum(['OUTGOING', 'INCOMING']),
      label: text,
      concept: z.string(),
    }),
  ),
  lessons: z.array(z.string()),
  status: z.enum(['DRAFT', 'PUBLISHED']),
  updatedAt: z.string(),
  locale: z.enum(LOCALES),
});
/** A page of concepts. */
export const conceptPageSchema = z.object({
  totalCount: z.number().int(),
  items: z.array(conceptItemSchema),
  nextCursor: z.string().nullable(),
});
/** Concepts related to one. */
export const relatedSchema = z.object({
  slug: z.string(),
  depth: z.number().int(),
  items: z.array(conceptItemSchema),
});
/** A lesson in a list. */
export const lessonItemSchema = z.object({
  slug: z.string(),
  number: z.number().int().nullable(),
  title: text,
  summary: text.nullable(),
  readingMinutes: z.number().int(),
  contentHash: z
    .string()
    .describe(
      'SHA-256 of what readers of this locale are served of the lesson: an edit only other locales show leaves it',
    ),
  version: z.number().int(),
  fallbacks,
  outdated,
});
/** A whole lesson: sections of structured blocks (see schema.graphql's Block for the shapes). */
export const lessonSchema = lessonItemSchema.extend({
  status: z.enum(['DRAFT', 'PUBLISHED']),
  updatedAt: z.string(),
  concepts: z.array(z.string()),
  sections: z.array(
    z.object({
      anchor: z.string(),
      level: z.number().int(),
      title: text,
      concepts: z.array(z.string()),
      blocks: z.array(z.record(z.string(), z.unknown())),
      markdown: z.string(),
    }),
  ),
  locale: z.enum(LOCALES),
});
/** The list of lessons. */
export const lessonListSchema = z.object({ items: z.array(lessonItemSchema) });
/** Search results. */
export const searchResultSchema = z.object({
  query: z.string(),
  locale: z.enum(LOCALES),
  hits: z.array(
    z.object({
      slug: z.string(),
      term: text,
      score: z.number(),
      field: z.string(),
      snippet: z.string(),
      fallbacks,
      outdated,
    }),
  ),
});
const relationDocumentSchema = z.object({
  id: z.string(),
  from: z.string(),
  kind: z.string(),
  to: z.string(),
  label: text,
  inverseLabel: text,
  note: text.nullable(),
  source: z.object({ lesson: z.string(), section: z.string() }).nullable(),
  fallbacks,
  outdated,
});
const comparisonDocumentSchema = z.object({
  slug: z.string().nullable(),
  title: text.nullable(),
  description: text.nullable(),
  concepts: z.array(z.string()),
  rows: z.array(z.object({ key: z.string(), label: text, cells: z.array(z.array(text)) })),
  source: z.object({ lesson: z.string(), section: z.string() }).nullable(),
  fallbacks,
  outdated,
});
/** A lesson bundle for offline use. */
export const bundleSchema = z.object({
  slug: z.string(),
  locales: z.array(z.enum(LOCALES)),
  rev: z
    .number()
    .int()
    .describe('The content revision of these locales (the last change their readers could see)'),
  contentHash: z
    .string()
    .describe(
      'SHA-256 of the content, leaving out the version and updatedAt of its lesson and concepts: unchanged content in these locales, unchanged hash',
    ),
  syncToken: z.string().describe('Continue with /v1/sync?since= (one sync per locale) from here'),
  content: z.record(
    z.string(),
    z.object({
      lesson: lessonSchema,
      concepts: z.array(conceptSchema),
      relations: z.array(relationDocumentSchema),
      comparisons: z.array(comparisonDocumentSchema),
    }),
  ),
});
/** A page of changes since a sync token. */
export const changeSetSchema = z.object({
  token: z
    .string()
    .describe(
      'since= of the next page while hasMore, then of the next sync in the same locale; unchanged when nothing changed for its readers',
    ),
  hasMore: z.boolean(),
  categories: z.array(
    z.object({
      slug: z.string(),
      name: text,
      description: text.nullable(),
      order: z.number().int(),
      fallbacks,
      outdated,
    }),
  ),
  concepts: z.array(conceptSchema.omit({ relations: true, lessons: true })),
  relations: z.array(relationDocumentSchema),
  comparisons: z.array(comparisonDocumentSchema),
  lessons: z.array(lessonSchema),
  deleted: z.array(
    z.object({
      type: z.enum(['category', 'concept', 'relation', 'comparison', 'lesson']),
      id: z.string(),
    }),
  ),
});
