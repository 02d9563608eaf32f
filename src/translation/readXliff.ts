import { z } from 'zod';
import { issuesFromZod, ValidationError, type Issue } from '../errors.js';
import { parseFileId, type FileDocument, type TranslationFile } from './translationFile.js';

/** Most characters an XLIFF file may have (the whole course, every text exported, is 182,000). */
export const MAX_XLIFF_CHARS = 1_000_000;
/** Most units an XLIFF file may hold (the whole course has 424 texts). */
export const MAX_XLIFF_UNITS = 5_000;
/**
 * Most `<` an XLIFF file may hold: each starts a tag, comment or declaration (in text it must be
 * escaped), and one of our units needs 14. Bounds the elements, and so the nesting, that the
 * parser builds, before it runs: a file of nothing but tags costs it far more per character.
 */
export const MAX_XLIFF_MARKUP = 100_000;

const PLAIN_TEXT = 'must be plain text (inline codes such as <ph> or <pc> are not supported)';

// What the xliff package makes of a unit: a text source and target, notes, attributes, and the
// elements it does not know. Inline codes would come back as objects and arrays, not strings.
const unitSchema = z.object(
  {
    source: z.string({ error: PLAIN_TEXT }),
    target: z.string({ error: PLAIN_TEXT }).optional(),
    note: z.unknown().optional(),
    additionalAttributes: z.unknown().optional(),
    additionalElements: z.unknown().optional(),
  },
  { error: 'must be a <unit> with a <segment> holding a <source>' },
);

const fileSchema = z.record(
  z.string().regex(/^[A-Za-z0-9_.-]{1,300}$/, 'must be a field path, as exported'),
  unitSchema,
);

const xliffSchema = z.object({
  sourceLanguage: z
    .string({ error: 'srcLang must be set' })
    .regex(/^ko(-|$)/i, 'srcLang must be Korean (ko): Korean is the source'),
  targetLanguage: z
    .string({ error: 'trgLang must be set' })
    .regex(/^en(-|$)/i, 'trgLang must be English (en): only English is translated'),
  resources: z.record(z.string(), fileSchema),
});

/**
 * Reads a translators' XLIFF file (XLIFF 2.x, Korean to English) back into a translation file,
 * or throws a ValidationError (BAD_USER_INPUT) whose issues say where it is wrong, under
 * `['xliff', fileId, unitId, …]`. Refused before any XML is parsed: files over MAX_XLIFF_CHARS
 * or MAX_XLIFF_MARKUP, any document type declaration (entities, external references: XLIFF
 * needs neither) and files that do not end with `</xliff>`. Refused after: malformed XML,
 * nesting too deep to read, more than MAX_XLIFF_UNITS units, `<file>` ids that do not name a
 * document and version, and inline codes in a target.
 */
export async function readXliff(xml: string): Promise<TranslationFile> {
  if (xml.length > MAX_XLIFF_CHARS) {
    throw invalid(`must be at most ${MAX_XLIFF_CHARS} characters, got ${xml.length}`);
  }
  const markup = occurrences(xml, '<');
  if (markup > MAX_XLIFF_MARKUP) {
    throw invalid(`must hold at most ${MAX_XLIFF_MARKUP} tags, got ${markup}`);
  }
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) {
    throw invalid('must not declare a document type or entities (XLIFF needs neither)');
  }
  // The parser accepts a document that stops before its elements are closed (it checks only the
  // end tags it sees), so a truncated upload would read as a shorter file, its last target cut.
  if (!/(<\/xliff>|<xliff\b[^<>]*\/>)\s*$/.test(xml)) {
    throw invalid('must end with </xliff> (is the file complete?)');
  }
  const parsed = xliffSchema.safeParse(omitUnknownElements(await parse(xml)));
  if (!parsed.success) {
    throw new ValidationError('The XLIFF file is not one this API exported', [
      ...issuesFromZod(parsed.error, ['xliff']),
    ]);
  }
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const documents: FileDocument[] = [];
  let units = 0;
  for (const [fileId, fileUnits] of Object.entries(parsed.data.resources)) {
    units += Object.keys(fileUnits).length;
    const named = parseFileId(fileId);
    if (!named) {
      issues.push({
        path: ['xliff', fileId],
        message: 'the <file> id must name a document and its version, e.g. concepts.encoder.v3',
      });
      continue;
    }
    const key = `${named.ref.collection}/${named.ref.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ path: ['xliff', fileId], message: `names the same document as ${earlier}` });
      continue;
    }
    seen.set(key, fileId);
    documents.push({
      ...named,
      units: Object.entries(fileUnits).map(([path, unit]) => ({
        path,
        source: unit.source,
        target: unit.target,
        notes: [],
      })),
    });
  }
  if (units > MAX_XLIFF_UNITS) {
    throw invalid(`must hold at most ${MAX_XLIFF_UNITS} units, got ${units}`);
  }
  if (issues.length > 0)
    throw new ValidationError('The XLIFF file is not one this API exported', issues);
  return { documents };
}

// The xliff package's own parse: any failure (malformed XML, an element missing where it looks
// for one, nesting so deep that its recursion overflows) is the file's fault, reported as such.
async function parse(xml: string): Promise<unknown> {
  const { default: xliff2js } = await import('xliff/xliff2js');
  let js: unknown;
  try {
    js = await xliff2js(xml);
  } catch (error) {
    if (error instanceof RangeError) throw invalid('nests elements too deeply');
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw invalid(
      error instanceof TypeError
        ? 'must be an XLIFF 2.0 document: <xliff> holding <file> elements with ids'
        : `must be well-formed XML: ${reason}`,
    );
  }
  if (typeof js !== 'object' || js === null || !('resources' in js)) {
    throw invalid('must be XLIFF 2.0 (<xliff version="2.0">)');
  }
  return js;
}

// The package files the elements it does not know inside a <file> (module metadata, a
// tool's extensions) under this key, beside the units; they carry nothing for us.
function omitUnknownElements(js: unknown): unknown {
  const { resources } = js as { resources: Record<string, unknown> };
  for (const units of Object.values(resources)) {
    if (typeof units === 'object' && units !== null) {
      delete (units as Record<string, unknown>)._additionalElements;
    }
  }
  return js;
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

function invalid(message: string): ValidationError {
  return new ValidationError(`The XLIFF file ${message}`, [{ path: ['xliff'], message }]);
}
