import type { XliffJs, XliffJsUnit } from 'xliff/js2xliff';
import { fileIdOf, type FileUnit, type TranslationFile } from './translationFile.js';

/** The languages of every file: Korean is the source, English the only translation. */
export const XLIFF_LANGUAGES = { source: 'ko', target: 'en' } as const;

/**
 * A translation file as XLIFF 2.0, written by the xliff package: one `<file>` per document (its
 * id names the document and version, see fileIdOf), one `<unit>` per text (id: the field path)
 * with the Korean as source, the English as target (none when there is none yet) and the notes.
 */
export async function writeXliff(file: TranslationFile): Promise<string> {
  // Loaded on the first export, not at start-up: cold starts do not pay for an XML library.
  const { default: js2xliff } = await import('xliff/js2xliff');
  const js: XliffJs = {
    sourceLanguage: XLIFF_LANGUAGES.source,
    targetLanguage: XLIFF_LANGUAGES.target,
    resources: Object.fromEntries(
      file.documents.map((document) => [
        fileIdOf(document.ref, document.version),
        Object.fromEntries(document.units.map((unit) => [unit.path, unitJs(unit)])),
      ]),
    ),
  };
  return `${await js2xliff(js, { indent: '  ' })}\n`;
}

function unitJs(unit: FileUnit): XliffJsUnit {
  return {
    source: unit.source,
    ...(unit.target !== undefined ? { target: unit.target } : {}),
    ...(unit.notes.length > 0 ? { note: unit.notes } : {}),
    additionalAttributes: {
      // One unit is one text: the xliff package reads one segment per unit, so a tool that split
      // the text into sentences would hand back only the last one.
      canResegment: 'no',
      // Line breaks are meaning in markdown (a lesson section is a whole markdown block).
      'xml:space': 'preserve',
    },
  };
}
