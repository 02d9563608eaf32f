import { Document, isMap, type YAMLMap } from 'yaml';
import { COLLECTIONS, type CollectionName, type ContentBundle } from '../domain/bundle.js';
import { documentIdOf } from '../domain/documentId.js';
import type { TranslationMap, TranslationRecord } from '../domain/translation/translationRecord.js';
import { translatableTexts } from '../domain/translation/translatableTexts.js';
import { translationsFile } from './translationFiles.js';

// The order a record's keys are written in: what it is, then who and when, then the change.
const RECORD_KEYS = ['ko', 'en', 'by', 'at', 'source', 'since'] as const;

/**
 * The translation sidecar files of a bundle, relative to the seed directory, with their text:
 * one per collection that has records. Deterministic, so the same records are the same bytes:
 * documents by id (code-unit order), each document's texts in document order, each record's
 * keys in a fixed order. A record is one line (`{ ko: …, en: … }`) unless it holds the Korean
 * the English was made from, which is written out as a block.
 */
export function translationFiles(bundle: ContentBundle): [string, string][] {
  const files: [string, string][] = [];
  for (const collection of COLLECTIONS) {
    const records = bundle.translations?.[collection];
    if (!records || Object.keys(records).length === 0) continue;
    files.push([translationsFile(collection), renderCollection(bundle, collection, records)]);
  }
  return files;
}

function renderCollection(
  bundle: ContentBundle,
  collection: CollectionName,
  records: Record<string, TranslationMap>,
): string {
  const documents = new Map<string, unknown>(
    bundle[collection].map((data) => [documentIdOf(collection, data), data]),
  );
  const sorted = Object.keys(records)
    .sort(byCodeUnits)
    .map((id) => [id, inTextOrder(collection, documents.get(id), records[id]!)] as const);
  const document = new Document(Object.fromEntries(sorted), { aliasDuplicateObjects: false });
  document.commentBefore = header(collection);
  for (const texts of mapValues(document.contents)) {
    for (const record of mapValues(texts)) record.flow = !record.has('source');
  }
  return document.toString({ lineWidth: 0 });
}

function header(collection: CollectionName): string {
  return [
    ` Translation records of ${collection}: for each English text, the fingerprints of the Korean`,
    ` it was made from (ko) and of the English (en). Written by \`npm run export\` and`,
    ` \`npm run translations -- refresh\`; translators edit the English in the content files, never this one.`,
  ].join('\n');
}

// A document's records in the order of its texts (a reader finds `term` before `details.0.text`,
// and `details.2` before `details.10`); records for paths it does not have go last, by name.
function inTextOrder(
  collection: CollectionName,
  data: unknown,
  records: TranslationMap,
): Record<string, Record<string, string>> {
  const position = new Map(
    (data === undefined ? [] : translatableTexts(collection, data)).map((text, i) => [
      text.path,
      i,
    ]),
  );
  const rank = (path: string) => position.get(path) ?? position.size;
  const paths = Object.keys(records).sort((a, b) => rank(a) - rank(b) || byCodeUnits(a, b));
  return Object.fromEntries(paths.map((path) => [path, inKeyOrder(records[path]!)]));
}

function inKeyOrder(record: TranslationRecord): Record<string, string> {
  return Object.fromEntries(
    RECORD_KEYS.filter((key) => record[key] !== undefined).map((key) => [key, record[key]!]),
  );
}

function mapValues(node: unknown): YAMLMap[] {
  return isMap(node) ? node.items.map((pair) => pair.value).filter(isMap) : [];
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
