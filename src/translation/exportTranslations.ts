import type { DocumentSet } from '../content/entries.js';
import { translationQueue } from '../content/translationQueue.js';
import type { FieldTranslation, TranslationState } from '../domain/translation/translationState.js';
import type { FileUnit, TranslationFile } from './translationFile.js';
import { writeXliff } from './writeXliff.js';

/** What an export holds unless told otherwise: the translators' work, as the queue lists it. */
export const DEFAULT_EXPORT_STATES: readonly TranslationState[] = ['OUTDATED', 'MISSING'];

/**
 * The translation queue as a translation file: every document with a text in one of `states`
 * (oldest change of Korean first, as the queue orders them), at its present version, with one
 * unit per such text. CURRENT texts are exported only when `states` names CURRENT.
 */
export function translationFileOf(
  documents: DocumentSet,
  states: readonly TranslationState[] = DEFAULT_EXPORT_STATES,
): TranslationFile {
  const wanted = new Set(states);
  const queue = translationQueue(documents, { states }, { first: Number.MAX_SAFE_INTEGER });
  return {
    documents: queue.items.map((item) => ({
      ref: { collection: item.collection, id: item.id },
      version: item.entry.version,
      units: item.translation.fields.filter((field) => wanted.has(field.state)).map(unitOf),
    })),
  };
}

/** The translation queue as an XLIFF 2.0 document (see translationFileOf and writeXliff). */
export function exportXliff(
  documents: DocumentSet,
  states: readonly TranslationState[] = DEFAULT_EXPORT_STATES,
): Promise<string> {
  return writeXliff(translationFileOf(documents, states));
}

function unitOf(field: FieldTranslation): FileUnit {
  return { path: field.path, source: field.ko, target: field.en, notes: notesOf(field) };
}

// What a translator needs beside the source: why the unit is there and, for English made from
// an older Korean, that Korean (to see what changed).
function notesOf(field: FieldTranslation): string[] {
  switch (field.state) {
    case 'MISSING':
      return ['state: MISSING (no English yet)'];
    case 'CURRENT':
      return ['state: CURRENT (the English was made from this Korean)'];
    case 'OUTDATED':
      return [
        'state: OUTDATED (the Korean changed since the English was made)',
        field.source === undefined
          ? 'the Korean the English was made from is not known'
          : `the English was made from this Korean: ${field.source}`,
      ];
  }
}
