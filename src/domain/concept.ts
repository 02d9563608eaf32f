import { z } from 'zod';
import { analogySchema } from './analogy.js';
import { slugSchema } from './ids.js';
import { authoredText } from './text.js';
import { localizedText } from './localized.js';
import { mediaSchema } from './media.js';
import { sourceRefSchema } from './source.js';
import { contentStatusSchema } from './status.js';

/**
 * Where a text of the course comes from: the lesson note it was written from (the default), or
 * the course's editors, who add general knowledge the note does not contain (a caveat, a
 * product's current name). Readers, and the tests that hold the course to its note, can tell
 * the two apart.
 */
export const contentOriginSchema = z.enum(['lesson', 'editorial']);

/** A titled facet of a concept (what "large" means in LLM, …). */
export const facetSchema = z
  .object({
    title: localizedText(160),
    text: localizedText(2000),
    /** Absent: from the lesson. */
    origin: contentOriginSchema.optional(),
  })
  .strict();

/** An alias: another name learners use (any language, abbreviations such as "LLM" or "PETM"). */
export const aliasSchema = authoredText(80);

/** A concept of the course, as authored (without storage metadata). */
export const conceptSchema = z
  .object({
    slug: slugSchema,
    category: slugSchema,
    term: localizedText(120),
    aliases: z.array(aliasSchema).max(40).default([]),
    summary: localizedText(400),
    definition: localizedText(3000),
    details: z.array(facetSchema).max(30).default([]),
    examples: z.array(localizedText(600)).max(30).default([]),
    analogies: z.array(analogySchema).max(10).default([]),
    limitations: z.array(localizedText(800)).max(20).default([]),
    media: z.array(mediaSchema).max(10).default([]),
    sources: z.array(sourceRefSchema).max(20).default([]),
    status: contentStatusSchema.default('PUBLISHED'),
  })
  .strict();

/**
 * A concept as a client creates it (`createConcept`'s input) and as a patched concept must be
 * before it is stored: every field but the publication state, which only publishing changes.
 * The API parses inputs with it and the admin console checks its forms with the same schema
 * before sending, so both refuse the same text at the same path.
 */
export const conceptInputSchema = conceptSchema.omit({ status: true });

/**
 * The fields of a concept a patch (`updateConcept`) may replace: a patch is applied to the
 * stored concept (localized texts per locale, lists whole) and the result is held to
 * `conceptSchema`; the slug (the concept's identity) and the status (publishing's) stay.
 */
export const conceptPatchFields = [
  'category',
  'term',
  'aliases',
  'summary',
  'definition',
  'details',
  'examples',
  'analogies',
  'limitations',
  'media',
  'sources',
] as const satisfies readonly (keyof Concept)[];

/** A concept. */
export type Concept = z.infer<typeof conceptSchema>;
/** A concept as created, without its publication state. */
export type ConceptInput = z.infer<typeof conceptInputSchema>;
/** A field a patch may replace. */
export type ConceptPatchField = (typeof conceptPatchFields)[number];
/** A titled facet of a concept. */
export type Facet = z.infer<typeof facetSchema>;
/** Where a text comes from. */
export type ContentOrigin = z.infer<typeof contentOriginSchema>;
