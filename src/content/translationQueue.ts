import { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../domain/bundle.js';
import type { TranslationState } from '../domain/translation/translationState.js';
import { translationOf, type DocumentTranslation } from './documentTranslation.js';
import type { DocumentSet, Entry } from './entries.js';
import { paginate, type Page } from './pagination.js';

/** A document with its translation, as the queue and the status lookups list it. */
export interface TranslatedEntry {
  collection: CollectionName;
  id: string;
  entry: Entry<object>;
  translation: DocumentTranslation;
  /** What a translator recognizes it by, in Korean: its term, title or name (a relation's id). */
  title: string;
  /** The oldest change of Korean among its OUTDATED texts, else when it was last written. */
  since: string;
}

/** What the queue lists. */
export interface QueueFilter {
  /** States a document must have a text in (default: OUTDATED and MISSING). */
  states?: readonly TranslationState[] | null | undefined;
  collection?: CollectionName | null | undefined;
}

/** A document and its translation. */
export function translatedEntry(
  collection: CollectionName,
  id: string,
  entry: Entry<object>,
): TranslatedEntry {
  const translation = translationOf(collection, entry);
  const changes = translation.fields.flatMap((field) =>
    field.state === 'OUTDATED' && field.since ? [field.since] : [],
  );
  const since = changes.length > 0 ? changes.sort()[0]! : entry.updatedAt;
  return { collection, id, entry, translation, title: koreanTitle(entry, id), since };
}

function koreanTitle(entry: object, id: string): string {
  const doc = entry as { term?: { ko: string }; title?: { ko: string }; name?: { ko: string } };
  return doc.term?.ko ?? doc.title?.ko ?? doc.name?.ko ?? id;
}

/**
 * Every document with English that is not CURRENT (or in one of `states`), oldest change of
 * its Korean first (then by collection and id, so pages are stable), paged by cursor.
 */
export function translationQueue(
  documents: DocumentSet,
  filter: QueueFilter,
  page: { first: number; after?: string | null | undefined; afterArgument?: string },
): Page<TranslatedEntry> {
  const wanted = new Set<TranslationState>(filter.states ?? ['OUTDATED', 'MISSING']);
  const items: TranslatedEntry[] = [];
  for (const collection of COLLECTIONS) {
    if (filter.collection && filter.collection !== collection) continue;
    for (const [id, entry] of documents[collection] as ReadonlyMap<string, Entry<object>>) {
      const item = translatedEntry(collection, id, entry);
      if (item.translation.fields.some((field) => wanted.has(field.state))) items.push(item);
    }
  }
  items.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  return paginate(items, page, keyOf, compareKeys, queueKey);
}

type QueueKey = [string, string, string];
const queueKey = z.tuple([z.string(), z.string(), z.string()]);

function keyOf(item: TranslatedEntry): QueueKey {
  return [item.since, item.collection, item.id];
}

function compareKeys(a: QueueKey, b: QueueKey): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}
