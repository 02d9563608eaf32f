import type { CollectionName } from '../domain/bundle.js';
import { LOCALES, type Locale } from '../domain/locale.js';
import type { StoredDocument } from '../store/contentStore.js';
import type { DocumentSet } from './entries.js';
import { wasEverPublic } from './publicHistory.js';
import type { Tombstones } from './tombstones.js';

/** Per locale, a content revision. */
export type LocaleRevisions = Readonly<Record<Locale, number>>;

/**
 * The revision at which what a reader of `locale` sees of a document last changed: its
 * `localeRevs`, or, for a document stored before the store kept them, its `rev` (which then
 * stands for every locale). Tombstones have no view left: their `rev` is every locale's.
 */
export function localeRevision(
  doc: { rev: number; localeRevs?: Partial<Record<Locale, number>> | undefined },
  locale: Locale,
): number {
  return doc.localeRevs?.[locale] ?? doc.rev;
}

/**
 * Per locale, the revision of the last change its anonymous readers could see: the highest
 * locale revision of any document, live or deleted, that was ever public (see wasEverPublic).
 * Like the public revision it ignores drafts; unlike it, a Korean-only edit whose English stays
 * as it was leaves the English revision where it is. A deletion moves every locale's.
 */
export function publicLocaleRevisions(
  documents: DocumentSet,
  tombstones: Tombstones,
): LocaleRevisions {
  const highest = Object.fromEntries(LOCALES.map((locale) => [locale, 0])) as Record<
    Locale,
    number
  >;
  for (const collection of Object.keys(documents) as CollectionName[]) {
    // forEach: a start runs this cold, where for...of makes an iterator result per document.
    (documents[collection] as ReadonlyMap<string, StoredMeta>).forEach((doc, id) => {
      // Whether it was public is asked only of a document that would raise a locale.
      if (raises(highest, doc) && wasEverPublic(documents, tombstones, collection, id))
        raise(highest, doc);
    });
  }
  for (const tombstone of tombstones.values()) {
    if (wasEverPublic(documents, tombstones, tombstone.collection, tombstone.id))
      raise(highest, tombstone);
  }
  return highest;
}

/**
 * The public locale revisions after some changes were applied (`documents` and `tombstones`
 * are the state after them): the ones before, raised by every written document that was ever
 * public. Locale revisions only grow, and a document that becomes public without being written
 * (a relation of a concept published now) is older than the write that made it so: looking at
 * the written documents is enough, and gives what a full scan would.
 */
export function nextPublicLocaleRevisions(
  previous: LocaleRevisions,
  documents: DocumentSet,
  tombstones: Tombstones,
  changes: readonly StoredDocument[],
): LocaleRevisions {
  const highest = { ...previous };
  for (const doc of changes) {
    if (wasEverPublic(documents, tombstones, doc.collection, doc.id))
      raise(highest, doc.deleted ? { rev: doc.rev } : doc);
  }
  return highest;
}

type StoredMeta = { rev: number; localeRevs?: Partial<Record<Locale, number>> | undefined };

function raises(highest: Record<Locale, number>, doc: StoredMeta): boolean {
  for (const locale of LOCALES) if (localeRevision(doc, locale) > highest[locale]) return true;
  return false;
}

function raise(highest: Record<Locale, number>, doc: StoredMeta): void {
  for (const locale of LOCALES)
    highest[locale] = Math.max(highest[locale], localeRevision(doc, locale));
}
