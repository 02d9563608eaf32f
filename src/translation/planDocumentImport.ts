import type { Entry } from '../content/entries.js';
import { translationOf } from '../content/documentTranslation.js';
import type { EnglishText } from '../editing/translationEdits.js';
import type { Issue } from '../errors.js';
import { fileIdOf, type FileDocument } from './translationFile.js';

/** What importing one document of a translation file comes to, before anything is written. */
export interface DocumentImportPlan {
  /** Why nothing of the document may be applied: it changed since the export, or is gone. */
  conflict?: string;
  /** What is wrong with its units (nothing is applied when there is any). */
  issues: Issue[];
  /** English to write: targets that differ from the present English. */
  texts: EnglishText[];
  /** OUTDATED texts whose English the translator kept: confirmed against the present Korean. */
  confirm: string[];
  /** Targets equal to English that is already CURRENT: nothing to do. */
  unchanged: string[];
  /** Units without a target (or an empty one): left as they are. */
  skipped: string[];
}

/**
 * Plans the import of one document of a translation file against the document as it is now
 * (`entry`, undefined when it no longer exists):
 * - a document that is gone, or at another version than the file's, is a conflict: its Korean
 *   may have changed since the translator saw it, so none of its units is applied;
 * - a target that differs from the present English is written;
 * - a target equal to the present English of an OUTDATED text is a confirmation: the translator
 *   was shown the old and the new Korean (the unit's notes) and kept the English. A translator
 *   who has not looked at a unit leaves its target out, or empties it: such units are skipped;
 * - a target equal to English that is already CURRENT changes nothing.
 * Texts are compared as the API stores them (NFC, line endings as `\n`, outer whitespace trimmed).
 */
export function planDocumentImport(
  document: FileDocument,
  entry: Entry<object> | undefined,
): DocumentImportPlan {
  const plan: DocumentImportPlan = {
    issues: [],
    texts: [],
    confirm: [],
    unchanged: [],
    skipped: [],
  };
  if (!entry) return { ...plan, conflict: 'the document no longer exists' };
  if (entry.version !== document.version) {
    return {
      ...plan,
      conflict: `the document is at version ${entry.version}; the file was exported at version ${document.version}`,
    };
  }
  const fields = new Map(
    translationOf(document.ref.collection, entry).fields.map((field) => [field.path, field]),
  );
  const fileId = fileIdOf(document.ref, document.version);
  for (const unit of document.units) {
    const field = fields.get(unit.path);
    if (!field) {
      plan.issues.push({
        path: ['xliff', fileId, unit.path],
        message: `"${unit.path}" is no translatable text of this document`,
      });
      continue;
    }
    const target = unit.target === undefined ? '' : comparable(unit.target);
    if (target === '') plan.skipped.push(unit.path);
    else if (field.en !== undefined && target === comparable(field.en)) {
      if (field.state === 'OUTDATED') plan.confirm.push(unit.path);
      else plan.unchanged.push(unit.path);
    } else plan.texts.push({ path: unit.path, text: unit.target! });
  }
  return plan;
}

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}
