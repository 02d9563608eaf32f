import type { z } from 'zod';
import { issuesFromZod, ValidationError } from '../errors.js';

/**
 * GraphQL passes an explicit `null` for an input field a client set to null. For new documents
 * null means "not given": drop it (recursively) before validation.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, dropNulls(v)]),
    );
  }
  return value;
}

/**
 * Applies a patch to a document: given fields replace the stored ones; for localized text
 * (`{ ko, en }`) only the given locales change, and `null` removes a translation; `null` on any
 * other optional field removes it. Lists are replaced whole.
 */
export function applyPatch<T extends object>(
  current: T,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      delete merged[key];
    } else if (isLocalizedPatch(value) && isLocalized(merged[key])) {
      const text: Record<string, unknown> = { ...(merged[key] as object) };
      for (const [locale, translation] of Object.entries(value)) {
        if (translation === null) delete text[locale];
        else if (translation !== undefined) text[locale] = translation;
      }
      merged[key] = text;
    } else {
      merged[key] = dropNulls(value);
    }
  }
  return merged;
}

function isLocalizedPatch(value: unknown): value is { ko?: unknown; en?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).every((k) => k === 'ko' || k === 'en')
  );
}

function isLocalized(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ko' in value;
}

/** Parses with a zod schema, or throws BAD_USER_INPUT naming each failing path under `prefix`. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix: (string | number)[],
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ValidationError(`${what} is invalid`, issuesFromZod(parsed.error, prefix));
  return parsed.data;
}

/**
 * `expectedVersion` is optional in the public schema, but a change to an existing document
 * without it could silently overwrite someone else's edit: require it.
 */
export function requireVersion(expectedVersion: number | null | undefined): number {
  if (expectedVersion === null || expectedVersion === undefined) {
    throw new ValidationError('expectedVersion is required to change an existing document', [
      { path: ['expectedVersion'], message: 'required: pass the version you last read' },
    ]);
  }
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw new ValidationError('expectedVersion must be a version you read', [
      { path: ['expectedVersion'], message: 'must be an integer of at least 1' },
    ]);
  }
  return expectedVersion;
}
