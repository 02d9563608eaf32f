import { z } from 'zod';

const fingerprintSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits');

/**
 * What a document keeps about one English text: the fingerprints of the Korean it was
 * translated from and of the English itself, who wrote or confirmed it and when. While the
 * Korean has changed since, `source` holds the Korean the English was made from (so the change
 * can be shown as a diff) and `since` when it changed. Written by the store on every commit
 * (see trackTranslations), never by hand.
 */
export const translationRecordSchema = z
  .object({
    ko: fingerprintSchema,
    en: fingerprintSchema,
    by: z.string().max(200).optional(),
    at: z.string().max(40).optional(),
    source: z.string().max(60_000).optional(),
    since: z.string().max(40).optional(),
  })
  .strict();

/** The translation records of a document, by field path (`definition`, `details.0.text`, `sections.tuning`). */
export const translationMapSchema = z.record(z.string().min(1).max(200), translationRecordSchema);

/** One field's translation record. */
export type TranslationRecord = z.infer<typeof translationRecordSchema>;
/** A document's translation records by field path. */
export type TranslationMap = z.infer<typeof translationMapSchema>;

/**
 * Why a version changed translation state by someone's explicit choice, recorded on that version
 * (its author and time are the version's): `KEPT_CURRENT`, a Korean edit declared not to need
 * retranslation; `CONFIRMED`, a translator confirming English still holds; `PUBLISHED_OUTDATED`,
 * an admin publishing (or editing published content) despite English that is not current.
 */
export const translationEventSchema = z
  .object({
    kind: z.enum(['KEPT_CURRENT', 'CONFIRMED', 'PUBLISHED_OUTDATED']),
    paths: z.array(z.string().max(200)).max(2000),
  })
  .strict();

/** A translation choice recorded on a version. */
export type TranslationEvent = z.infer<typeof translationEventSchema>;
