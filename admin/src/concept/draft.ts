import type { ConceptInput } from '../../../src/domain/concept.js';
import { conceptPatchFields } from '../../../src/domain/concept.js';

// The editor's copy of a concept. Every text is a plain string, English '' when there is none,
// so that what the user sees, what is compared and what is merged are the same values; the
// API's shapes (English absent, GraphQL enums) are made only when a patch is sent.

/** A text in Korean and English ('' when there is no English). */
export interface TextDraft {
  ko: string;
  en: string;
}

/** A facet being edited. */
export interface FacetDraft {
  title: TextDraft;
  text: TextDraft;
  origin: 'lesson' | 'editorial';
}

/** One source ↔ target pair of an analogy being edited ('' when it names no concept). */
export interface PairDraft {
  source: TextDraft;
  target: TextDraft;
  concept: string;
}

/** An analogy being edited. */
export interface AnalogyDraft {
  domain: TextDraft;
  text: TextDraft;
  mapping: PairDraft[];
  caveats: TextDraft[];
}

/** An image reference being edited. */
export interface MediaDraft {
  path: string;
  alt: TextDraft;
  available: boolean;
}

/** A concept as the editor holds it: every field a patch may change. */
export interface Draft {
  category: string;
  term: TextDraft;
  aliases: string[];
  summary: TextDraft;
  definition: TextDraft;
  details: FacetDraft[];
  examples: TextDraft[];
  analogies: AnalogyDraft[];
  limitations: TextDraft[];
  media: MediaDraft[];
  sources: { lesson: string; section: string }[];
}

/** A path into a draft (`['details', 0, 'text', 'en']`), as the API names fields. */
export type DraftPath = (string | number)[];

/** Whether two JSON values are equal. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value at `path`, or undefined. */
export function getAt(value: unknown, path: DraftPath): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** A copy of `value` with `path` set to `next` (the objects along the path copied, the rest shared). */
export function setAt<T>(value: T, path: DraftPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...DraftPath];
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[key as number] = setAt(copy[key as number], rest, next);
    return copy as T;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [key]: setAt(record[key], rest, next) } as T;
}

const text = (value: TextDraft) => ({ ko: value.ko, ...(value.en !== '' ? { en: value.en } : {}) });

/**
 * The draft in the domain's shape (English '' left out, the default origin left out), to be
 * held to the API's own zod schema before sending.
 */
export function toDomain(draft: Draft): Omit<ConceptInput, 'slug'> {
  return {
    category: draft.category,
    term: text(draft.term),
    aliases: draft.aliases,
    summary: text(draft.summary),
    definition: text(draft.definition),
    details: draft.details.map((facet) => ({
      title: text(facet.title),
      text: text(facet.text),
      ...(facet.origin === 'editorial' ? { origin: 'editorial' as const } : {}),
    })),
    examples: draft.examples.map(text),
    analogies: draft.analogies.map((analogy) => ({
      domain: text(analogy.domain),
      text: text(analogy.text),
      mapping: analogy.mapping.map((pair) => ({
        source: text(pair.source),
        target: text(pair.target),
        ...(pair.concept !== '' ? { concept: pair.concept } : {}),
      })),
      caveats: analogy.caveats.map(text),
    })),
    limitations: draft.limitations.map(text),
    media: draft.media.map((image) => ({
      type: 'image' as const,
      path: image.path,
      alt: text(image.alt),
      available: image.available,
    })),
    sources: draft.sources,
  };
}

/** A `ConceptPatch` as the API takes it (GraphQL input: enums upper-case). */
export type ConceptPatchInput = Record<string, unknown>;

const LOCALIZED = new Set(['term', 'summary', 'definition']);

/**
 * What the user changed, as a `ConceptPatch`: only the fields that differ from `base` (the
 * version the user started from). Term, summary and definition send only the changed locale
 * (English emptied is `null`: removed); lists are sent whole, as the API replaces them whole.
 * Empty when nothing changed.
 */
export function patchOf(base: Draft, draft: Draft): ConceptPatchInput {
  const domain = toDomain(draft);
  const patch: ConceptPatchInput = {};
  for (const field of conceptPatchFields) {
    if (same(base[field], draft[field])) continue;
    if (LOCALIZED.has(field)) {
      const before = base[field] as TextDraft;
      const after = draft[field] as TextDraft;
      patch[field] = {
        ...(before.ko !== after.ko ? { ko: after.ko } : {}),
        ...(before.en !== after.en ? { en: after.en === '' ? null : after.en } : {}),
      };
    } else if (field === 'details') {
      patch.details = domain.details.map((facet) => ({
        ...facet,
        origin: facet.origin === 'editorial' ? 'EDITORIAL' : 'LESSON',
      }));
    } else {
      patch[field] = domain[field];
    }
  }
  return patch;
}

/** One leaf of a draft that differs between two versions (`definition.en`, `aliases.1`). */
export interface Change {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

function leaves(value: unknown, path: string, into: Map<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => leaves(item, path ? `${path}.${i}` : String(i), into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, path ? `${path}.${key}` : key, into);
    }
  } else if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    if (value !== '') into.set(path, String(value));
  }
}

/**
 * Every text (or other value) that differs between two drafts, in document order: what the
 * other person changed, shown after a CONFLICT. An emptied English or a removed list item is a
 * change to undefined.
 */
export function changesBetween(before: Draft, after: Draft): Change[] {
  const old = new Map<string, string>();
  const now = new Map<string, string>();
  leaves(before, '', old);
  leaves(after, '', now);
  const paths = [...new Set([...now.keys(), ...old.keys()])];
  return paths
    .filter((path) => old.get(path) !== now.get(path))
    .map((path) => ({ path, before: old.get(path), after: now.get(path) }));
}

/** The user's edits put on a newer version, and where both changed the same value differently. */
export interface Rebased {
  draft: Draft;
  /** Paths both the user and the other person changed, to different values: the user's kept. */
  clashes: string[];
}

/**
 * Reapplies the user's edits (from `base` to `mine`) on `theirs`, a newer version: a three-way
 * merge value by value. What only the other person changed is taken from theirs, what only the
 * user changed from mine; where both changed one value, the user's wins and the path is listed.
 * Lists whose length did not change on either side are merged item by item; a list whose length
 * either side changed is taken whole from the side that changed it (the user's if both did),
 * since the API replaces lists whole and positions no longer match.
 */
export function rebase(base: Draft, mine: Draft, theirs: Draft): Rebased {
  const clashes: string[] = [];
  const draft = merge(base, mine, theirs, '', clashes) as Draft;
  return { draft, clashes };
}

function merge(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: string,
  clashes: string[],
): unknown {
  if (same(mine, base)) return theirs;
  if (same(theirs, base) || same(mine, theirs)) return mine;
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) {
    if (base.length === mine.length && base.length === theirs.length) {
      return base.map((item: unknown, i) => merge(item, mine[i], theirs[i], at(i), clashes));
    }
  } else if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    return Object.fromEntries(
      Object.keys({ ...base, ...mine, ...theirs }).map((key) => [
        key,
        merge(base[key], mine[key], theirs[key], at(key), clashes),
      ]),
    );
  }
  clashes.push(path);
  return mine;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A new, empty item for each list of a draft (what "add" appends). */
export const EMPTY = {
  text: (): TextDraft => ({ ko: '', en: '' }),
  facet: (): FacetDraft => ({
    title: { ko: '', en: '' },
    text: { ko: '', en: '' },
    origin: 'lesson', // the API's default: a facet is from the lesson unless marked
  }),
  pair: (): PairDraft => ({ source: { ko: '', en: '' }, target: { ko: '', en: '' }, concept: '' }),
  analogy: (): AnalogyDraft => ({
    domain: { ko: '', en: '' },
    text: { ko: '', en: '' },
    mapping: [],
    caveats: [],
  }),
  media: (): MediaDraft => ({ path: '', alt: { ko: '', en: '' }, available: false }),
};
