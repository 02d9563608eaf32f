import type { CollectionName } from '../bundle.js';
import { textFingerprint } from './fingerprint.js';
import type { TranslationMap, TranslationRecord } from './translationRecord.js';
import { translatableTexts, type TranslatableText } from './translatableTexts.js';

/** The state of one English text: absent, made from an older Korean, or made from the present one. */
export type TranslationState = 'MISSING' | 'OUTDATED' | 'CURRENT';

/**
 * The state of a text, derived and never stored: MISSING without English; OUTDATED when the
 * Korean's fingerprint differs from the one the English was made from; CURRENT otherwise. English
 * without a record (written before the store kept them) counts as CURRENT: nothing says otherwise.
 */
export function translationStateOf(
  text: Pick<TranslatableText, 'ko' | 'en'>,
  record: TranslationRecord | undefined,
): TranslationState {
  if (text.en === undefined) return 'MISSING';
  if (!record) return 'CURRENT';
  return record.ko === textFingerprint(text.ko) ? 'CURRENT' : 'OUTDATED';
}

/** One text's state with what a translator needs to act on it. */
export interface FieldTranslation {
  path: string;
  state: TranslationState;
  ko: string;
  en: string | undefined;
  /** For OUTDATED: the Korean the English was made from, when known. */
  source: string | undefined;
  /** For OUTDATED: when the Korean changed away from it. */
  since: string | undefined;
  translatedBy: string | undefined;
  translatedAt: string | undefined;
  holders: readonly object[];
}

/** Every translatable text of a document with its state. */
export function fieldTranslations(
  collection: CollectionName,
  data: unknown,
  translations: TranslationMap | undefined,
): FieldTranslation[] {
  return translatableTexts(collection, data).map((text) => {
    const record = translations?.[text.path];
    const state = translationStateOf(text, record);
    return {
      path: text.path,
      state,
      ko: text.ko,
      en: text.en,
      source: state === 'OUTDATED' ? record?.source : undefined,
      since: state === 'OUTDATED' ? record?.since : undefined,
      translatedBy: text.en === undefined ? undefined : record?.by,
      translatedAt: text.en === undefined ? undefined : record?.at,
      holders: text.holders,
    };
  });
}

/** A document's translation at a glance: the worst state of its texts and how many are in each. */
export interface TranslationSummary {
  /** MISSING if any text lacks English, else OUTDATED if any is outdated, else CURRENT. */
  state: TranslationState;
  current: number;
  outdated: number;
  missing: number;
}

/** Summarizes field states into a document's state. */
export function summarizeTranslations(
  fields: readonly Pick<FieldTranslation, 'state'>[],
): TranslationSummary {
  const count = (state: TranslationState) => fields.filter((f) => f.state === state).length;
  const missing = count('MISSING');
  const outdated = count('OUTDATED');
  return {
    state: missing > 0 ? 'MISSING' : outdated > 0 ? 'OUTDATED' : 'CURRENT',
    current: count('CURRENT'),
    outdated,
    missing,
  };
}
