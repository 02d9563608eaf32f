import { z } from 'zod';
import type { CollectionName } from '../../domain/bundle.js';
import { categorySchema } from '../../domain/category.js';
import { comparisonSchema } from '../../domain/comparison.js';
import { conceptSchema } from '../../domain/concept.js';
import { lessonSchema } from '../../domain/lesson.js';
import { relationSchema } from '../../domain/relation.js';
import { issuesFromZod } from '../../errors.js';
import {
  translationEventSchema,
  translationMapSchema,
} from '../../domain/translation/translationRecord.js';
import type { RejectedDocument, StoredDocument } from '../contentStore.js';

// Firestore stores no arrays directly inside arrays (table rows, comparison cells are lists of
// lists), so an inner array is wrapped in a one-key map. No domain object has this key.
const LIST_KEY = '__list';

/** Encodes domain data for Firestore: inner arrays wrapped, undefined fields dropped. */
export function encodeData(value: unknown, insideArray = false): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => encodeData(item, true));
    return insideArray ? { [LIST_KEY]: items } : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, encodeData(v)]));
  }
  return value;
}

/** Reverses `encodeData`. */
export function decodeData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeData);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === LIST_KEY && Array.isArray(record[LIST_KEY])) {
      return (record[LIST_KEY] as unknown[]).map(decodeData);
    }
    return Object.fromEntries(keys.map((k) => [k, decodeData(record[k])]));
  }
  return value;
}

const SCHEMAS: { [C in CollectionName]: z.ZodType } = {
  categories: categorySchema,
  concepts: conceptSchema,
  relations: relationSchema,
  comparisons: comparisonSchema,
  lessons: lessonSchema,
};

// The storage envelope around a document's data.
const envelopeSchema = z.object({
  rev: z.number().int().min(1),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().max(200).optional(),
  firstPublishedAt: z.string().max(40).nullable().optional(),
  translations: translationMapSchema.optional(),
  translationEvents: z.array(translationEventSchema).max(10).optional(),
  localeRevs: z.object({ ko: z.number().int().min(1), en: z.number().int().min(1) }).optional(),
  deleted: z.boolean(),
  data: z.unknown(),
});

/** The Firestore form of a stored document. */
export function toFirestore(doc: StoredDocument): Record<string, unknown> {
  return firestoreFields(doc, doc.deleted ? null : encodeData(doc.data));
}

/**
 * The Firestore form of a stored document around `data`, encoded (`toFirestore`) or as it is:
 * the size measures (`encodedSize.ts`) encode as they walk, so measuring needs no copy.
 */
export function firestoreFields(doc: StoredDocument, data: unknown): Record<string, unknown> {
  return {
    rev: doc.rev,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    ...(doc.updatedBy ? { updatedBy: doc.updatedBy } : {}),
    ...(doc.firstPublishedAt !== undefined ? { firstPublishedAt: doc.firstPublishedAt } : {}),
    ...(doc.translations ? { translations: doc.translations } : {}),
    ...(doc.translationEvents ? { translationEvents: doc.translationEvents } : {}),
    ...(doc.localeRevs ? { localeRevs: doc.localeRevs } : {}),
    deleted: doc.deleted,
    data,
  };
}

/**
 * Parses a Firestore document with the envelope schema and its collection's domain schema.
 * A document that fails is returned as rejected, with its path and every broken rule.
 */
export function fromFirestore(
  collection: CollectionName,
  id: string,
  raw: unknown,
): { document: StoredDocument } | { rejected: RejectedDocument } {
  const path = `${collection}/${id}`;
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { rejected: { path, issues: issuesFromZod(envelope.error) } };
  const { data: encoded, ...meta } = envelope.data;
  if (meta.deleted) {
    return { document: { collection, id, ...meta, deleted: true, data: null } as StoredDocument };
  }
  const data = SCHEMAS[collection].safeParse(decodeData(encoded));
  if (!data.success) return { rejected: { path, issues: issuesFromZod(data.error, ['data']) } };
  return {
    document: { collection, id, ...meta, deleted: false, data: data.data } as StoredDocument,
  };
}

/**
 * The storage state of a document for a write's preconditions: its version and whether it is
 * deleted count even when its data no longer passes validation (a write may be repairing it).
 */
export function storedState(
  collection: CollectionName,
  id: string,
  raw: unknown,
): StoredDocument | undefined {
  const parsed = fromFirestore(collection, id, raw);
  if ('document' in parsed) return parsed.document;
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return undefined;
  const { data: _corrupt, ...meta } = envelope.data;
  return { collection, id, ...meta, data: null } as unknown as StoredDocument;
}
