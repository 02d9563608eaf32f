import { authorize } from '../auth/permissions.js';
import { actorOf, type Viewer } from '../auth/viewer.js';
import { withoutMeta, type Entry } from '../content/entries.js';
import type { CollectionName } from '../domain/bundle.js';
import { trackTranslations } from '../domain/translation/trackTranslations.js';
import {
  fieldTranslations,
  type FieldTranslation,
} from '../domain/translation/translationState.js';
import { ValidationError, type Issue } from '../errors.js';
import type { TranslationDirective } from '../store/contentStore.js';

/** What an editing mutation says about translation. */
export interface TranslationChoice {
  /** `false`: the Korean changes of this edit need no new English (a typo fixed). */
  needsRetranslation?: boolean | null | undefined;
  /** An admin's explicit choice to publish, or keep published, English that is not current. */
  allowUntranslated?: boolean | null | undefined;
}

/** A write about to be made, as the translation guard needs it. */
export interface GuardedWrite {
  viewer: Viewer;
  writable: boolean;
  collection: CollectionName;
  /** The document as the edit read it (absent when new). */
  previous: Entry<object> | undefined;
  next: object;
  /** Whether readers will see the document after the write (published, or a category). */
  published: boolean;
  /** Whether this write is what makes it public (publishing checks every text, not only changed ones). */
  publishing: boolean;
  choice: TranslationChoice;
  /** Where issues are reported (`['patch']`). */
  prefix: (string | number)[];
}

/**
 * The translation directive of an edit, after the publishing guard: public content may not be
 * left with English that is outdated or missing because of this write (or, when publishing, at
 * all) unless an admin says so (`allowUntranslated`), which the version records. The records the
 * store will write are predicted with the store's own function (trackTranslations), against the
 * document the edit read; the commit's expected version makes the prediction exact.
 */
export function guardTranslations(write: GuardedWrite): TranslationDirective {
  const keepCurrent = write.choice.needsRetranslation === false;
  const directive: TranslationDirective = keepCurrent ? { keepCurrent } : {};
  if (!write.published) return directive;
  const previous = write.previous;
  const predicted = trackTranslations({
    collection: write.collection,
    previous: previous && { data: withoutMeta(previous), translations: previous.translations },
    next: write.next,
    actor: actorOf(write.viewer),
    now: new Date().toISOString(),
    keepCurrent,
  });
  const before = new Map(
    previous && !write.publishing
      ? fieldTranslations(write.collection, withoutMeta(previous), previous.translations).map(
          (field) => [field.path, field.state],
        )
      : [],
  );
  const offending = fieldTranslations(write.collection, write.next, predicted.translations).filter(
    (field) => field.state !== 'CURRENT' && before.get(field.path) !== field.state,
  );
  if (offending.length === 0) return directive;
  if (!write.choice.allowUntranslated) {
    throw new ValidationError(
      'Published content needs current English for every text: update or confirm the English, say the Korean change needs no retranslation, or (admin) pass allowUntranslated: true.',
      offending.map((field) => untranslatedIssue(field, write.prefix)),
    );
  }
  authorize(write.viewer, 'publish', write.writable);
  return { ...directive, override: offending.map((field) => field.path) };
}

/**
 * The guard of a publication change (publish or unpublish a concept or lesson): publishing
 * checks every text, not only those the write changes; unpublishing checks nothing.
 */
export function guardStatusChange(
  write: Pick<GuardedWrite, 'viewer' | 'writable' | 'collection' | 'choice'> & {
    current: Entry<{ status: string }>;
    next: { status: string };
  },
): TranslationDirective {
  return guardTranslations({
    ...write,
    previous: write.current,
    published: write.next.status === 'PUBLISHED',
    publishing: write.current.status !== 'PUBLISHED',
    prefix: [],
  });
}

/** A text's field path as an issue path: `details.0.text` → `['details', 0, 'text']`. */
export function fieldPathSegments(path: string): (string | number)[] {
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function untranslatedIssue(field: FieldTranslation, prefix: (string | number)[]): Issue {
  return {
    path: [...prefix, ...fieldPathSegments(field.path)],
    message:
      field.state === 'MISSING'
        ? 'has no English translation'
        : 'has outdated English: the Korean changed since it was translated',
  };
}
