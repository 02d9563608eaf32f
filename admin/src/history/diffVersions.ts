/** One text or value of a version's document: its field path and, for a text, its locale. */
export interface FieldValue {
  /** `summary`, `details.0.text`, `aliases`. */
  path: string;
  /** `ko` or `en` for a localized text; null for a value with no language (aliases, category). */
  locale: 'ko' | 'en' | null;
  /** Undefined when the version has no such text (no English, or no such item). */
  value: string | undefined;
}

/** A field that differs between two versions. */
export interface FieldChange {
  path: string;
  locale: 'ko' | 'en' | null;
  before: string | undefined;
  after: string | undefined;
}

// Fields that never differ in a meaningful way between versions of one concept.
const SKIPPED = new Set(['slug']);

function isLocalized(value: object): value is { ko: string; en?: string } {
  const keys = Object.keys(value);
  return 'ko' in value && keys.every((key) => key === 'ko' || key === 'en');
}

function flatten(value: unknown, path: string, into: FieldValue[]): void {
  // An empty list has nothing to compare: its items, if another version has them, are removed.
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return;
  if (Array.isArray(value)) {
    // A list of plain values (aliases) is one value; a list of texts or objects, item by item.
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      into.push({ path, locale: null, value: value.map(String).join(', ') });
    } else value.forEach((item, index) => flatten(item, `${path}.${index}`, into));
  } else if (typeof value === 'object') {
    if (isLocalized(value)) {
      // Both locales always, so English that is absent in one version is compared as absent.
      into.push({ path, locale: 'ko', value: value.ko });
      into.push({ path, locale: 'en', value: value.en });
    } else {
      for (const [key, inner] of Object.entries(value)) {
        flatten(inner, path ? `${path}.${key}` : key, into);
      }
    }
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    into.push({ path, locale: null, value: String(value) });
  }
}

/**
 * A version's stored document as a list of values, text by text and locale by locale. It reads
 * the stored `{ ko, en }` texts, never a served view, so a missing English stays missing.
 */
export function fieldValues(data: unknown): FieldValue[] {
  const values: FieldValue[] = [];
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (!SKIPPED.has(key)) flatten(value, key, values);
    }
  }
  return values;
}

/** What differs from `before` to `after` (stored documents; null for a deletion), in document order. */
export function diffVersions(before: unknown, after: unknown): FieldChange[] {
  const key = (v: FieldValue) => `${v.path}\u0000${v.locale ?? ''}`;
  const old = new Map(fieldValues(before).map((v) => [key(v), v]));
  const changes: FieldChange[] = [];
  const seen = new Set<string>();
  for (const v of fieldValues(after)) {
    seen.add(key(v));
    const was = old.get(key(v))?.value;
    if (was !== v.value)
      changes.push({ path: v.path, locale: v.locale, before: was, after: v.value });
  }
  for (const [k, v] of old) {
    if (!seen.has(k) && v.value !== undefined) {
      changes.push({ path: v.path, locale: v.locale, before: v.value, after: undefined });
    }
  }
  return changes;
}
