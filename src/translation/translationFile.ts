import { COLLECTIONS, type CollectionName } from '../domain/bundle.js';
import type { DocumentRef } from '../editing/translationEdits.js';

/**
 * What a translators' file holds, whatever its format: per document, the version it was
 * exported at and one unit per text. XLIFF is its format (writeXliff, readXliff).
 */
export interface TranslationFile {
  documents: FileDocument[];
}

/** One document of a translation file (one XLIFF `<file>`). */
export interface FileDocument {
  ref: DocumentRef;
  /** The document's version when it was exported: an import applies nothing if it moved since. */
  version: number;
  units: FileUnit[];
}

/** One text of a document (one XLIFF `<unit>`), by its field path. */
export interface FileUnit {
  /** Field path: `definition`, `details.0.text`, `sections.<anchor>`. */
  path: string;
  /** The Korean at export time. */
  source: string;
  /** The English: at export, the present one (absent when MISSING); at import, the translator's. */
  target?: string | undefined;
  /** For the translator: the state and, when OUTDATED, the Korean the English was made from. */
  notes: string[];
}

const FILE_ID = new RegExp(`^(${COLLECTIONS.join('|')})\\.([A-Za-z0-9_-]+)\\.v([1-9][0-9]{0,8})$`);

/**
 * A document's XLIFF `<file>` id, `concepts.encoder.v3`: the document and the version it was
 * exported at. XLIFF ids are NMTOKENs (no `/`), and the id is the one attribute of `<file>` that
 * every tool keeps (and the one the xliff package writes), so the version travels in it.
 */
export function fileIdOf(ref: DocumentRef, version: number): string {
  return `${ref.collection}.${ref.id}.v${version}`;
}

/** The document and version a `<file>` id names, or undefined when it is not one of ours. */
export function parseFileId(id: string): { ref: DocumentRef; version: number } | undefined {
  const match = FILE_ID.exec(id);
  if (!match) return undefined;
  return {
    ref: { collection: match[1] as CollectionName, id: match[2]! },
    version: Number(match[3]),
  };
}

/** How a document is named in reports and messages: `concepts/encoder`, as the store names it. */
export function documentName(ref: DocumentRef): string {
  return `${ref.collection}/${ref.id}`;
}
