import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { CollectionName } from '../domain/bundle.js';
import {
  eventPosition,
  type ChangeEvent,
  type EventAction,
  type EventType,
} from '../domain/changeEvent.js';
import { LOCALES } from '../domain/locale.js';
import {
  fieldTranslations,
  summarizeTranslations,
} from '../domain/translation/translationState.js';
import type { StoredDocument } from './contentStore.js';

const TYPE_OF: Record<CollectionName, EventType> = {
  categories: 'category',
  concepts: 'concept',
  relations: 'relation',
  comparisons: 'comparison',
  lessons: 'lesson',
};

/**
 * The events of a commit, one per written document, in the commit's order: what both stores
 * write in the same transaction as the documents (the outbox). `current` holds each document as
 * it was before the commit. Shared by every store so they agree exactly.
 */
export function changeEventsOf(
  written: readonly StoredDocument[],
  current: readonly (StoredDocument | undefined)[],
  epoch: string,
): ChangeEvent[] {
  return written.map((doc, index) => {
    const before = current[index];
    const previous = before && !before.deleted ? before : undefined;
    const position = eventPosition(doc.rev, index);
    return {
      id: eventId(epoch, position),
      position,
      rev: doc.rev,
      type: TYPE_OF[doc.collection],
      documentId: doc.id,
      version: doc.version,
      action: actionOf(doc, previous),
      locales: LOCALES.filter((locale) => (doc.localeRevs?.[locale] ?? doc.rev) === doc.rev),
      status: doc.deleted ? null : statusOf(doc.data),
      translation: doc.deleted || !previous ? null : translationAfter(doc, previous),
      actor: doc.updatedBy ?? null,
      occurredAt: doc.updatedAt,
    };
  });
}

// A hash of the store's epoch and the position: the same event always has the same id, and a
// store that was emptied and refilled (a new epoch, revisions from 1 again) never reuses one.
function eventId(epoch: string, position: string): string {
  const digest = createHash('sha256').update(`${epoch}/${position}`).digest('base64url');
  return `evt_${digest.slice(0, 22)}`;
}

function actionOf(doc: StoredDocument, previous: StoredDocument | undefined): EventAction {
  if (doc.deleted) return 'deleted';
  if (!previous) return 'created';
  const was = statusOf(previous.data);
  const is = statusOf(doc.data);
  if (was !== 'PUBLISHED' && is === 'PUBLISHED') return 'published';
  if (was === 'PUBLISHED' && is !== 'PUBLISHED') return 'unpublished';
  return 'updated';
}

function statusOf(data: unknown): ChangeEvent['status'] {
  const status = (data as { status?: unknown } | null)?.status;
  return status === 'DRAFT' || status === 'PUBLISHED' ? status : null;
}

// Only for updates: a creation's texts would all have to be fingerprinted, which the memory
// store's start (a creation of every document) must not pay.
function translationAfter(
  doc: Extract<StoredDocument, { deleted: false }>,
  previous: Extract<StoredDocument, { deleted: false }>,
): ChangeEvent['translation'] {
  const after = fieldTranslations(doc.collection, doc.data, doc.translations);
  const before = fieldTranslations(previous.collection, previous.data, previous.translations);
  const states = (fields: typeof after) => fields.map((field) => [field.path, field.state]);
  const summary = summarizeTranslations(after);
  return {
    state: summary.state,
    outdated: summary.outdated,
    missing: summary.missing,
    changed: !isDeepStrictEqual(states(before), states(after)),
  };
}
