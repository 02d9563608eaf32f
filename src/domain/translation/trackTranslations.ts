import type { CollectionName } from '../bundle.js';
import { textFingerprint } from './fingerprint.js';
import type { TranslationMap, TranslationRecord } from './translationRecord.js';
import { translatableTexts, type TranslatableText } from './translatableTexts.js';

/** A write of a document, as the translation tracker sees it. */
export interface TrackedWrite {
  collection: CollectionName;
  /** The document as stored before the write (absent when it is new or was deleted). */
  previous?: { data: unknown; translations?: TranslationMap | undefined } | undefined;
  next: unknown;
  /** Who writes: recorded on every English text this write translates or confirms. */
  actor?: string | undefined;
  now: string;
  /** `needsRetranslation: false`: a Korean change in this write leaves current English current. */
  keepCurrent?: boolean | undefined;
  /** Paths whose English a translator confirmed against the present Korean. */
  confirm?: readonly string[] | undefined;
  /**
   * Records the written document brings with it (an import's): they stand in for the stored
   * ones, so a seed whose Korean changed while its English did not is outdated on arrival.
   */
  claimed?: TranslationMap | undefined;
}

/** The records a write leaves, and which of them changed by an explicit choice. */
export interface TrackedTranslations {
  translations: TranslationMap;
  /** Paths whose English stayed current across a Korean change (`keepCurrent`). */
  kept: string[];
  /** Paths confirmed by this write. */
  confirmed: string[];
}

/**
 * The translation records of a document after a write, from the records before it:
 * - English written or changed by the write: current against the present Korean, by the actor;
 * - confirmed: likewise, without a change to the English;
 * - Korean changed and English not: outdated (keeping the Korean the English was made from and
 *   when it changed), unless `keepCurrent` and the English was current until this write;
 * - nothing changed: the record as it was.
 * A text moved to another position (a list reordered) keeps its record: records are matched by
 * path first, then by the English they were made for. English that is removed loses its record.
 */
export function trackTranslations(write: TrackedWrite): TrackedTranslations {
  const before = new Map(
    write.previous ? translatableTexts(write.collection, write.previous.data).map(byPath) : [],
  );
  const stored = write.previous?.translations ?? {};
  const base = { ...stored, ...write.claimed };
  const confirm = new Set(write.confirm ?? []);
  const result: TrackedTranslations = { translations: {}, kept: [], confirmed: [] };
  const fresh = (text: TranslatableText, en: string): TranslationRecord => ({
    ko: textFingerprint(text.ko),
    en: textFingerprint(en),
    ...(write.actor ? { by: write.actor } : {}),
    at: write.now,
  });

  for (const text of translatableTexts(write.collection, write.next)) {
    if (text.en === undefined) continue;
    const enPrint = textFingerprint(text.en);
    const found = baseRecord(text.path, enPrint, base, before);
    let record: TranslationRecord;
    if (!found || found.record.en !== enPrint) {
      record = fresh(text, text.en);
    } else if (confirm.has(text.path)) {
      record = fresh(text, text.en);
      result.confirmed.push(text.path);
    } else {
      const { record: old, previousKo } = found;
      const koPrint = textFingerprint(text.ko);
      if (old.ko === koPrint) {
        record = currentOnly(old);
      } else if (
        write.keepCurrent &&
        previousKo !== undefined &&
        previousKo !== text.ko &&
        old.ko === textFingerprint(previousKo)
      ) {
        record = { ...currentOnly(old), ko: koPrint };
        result.kept.push(text.path);
      } else {
        const source =
          old.source ??
          (previousKo !== undefined && textFingerprint(previousKo) === old.ko
            ? previousKo
            : undefined);
        record = {
          ...old,
          ...(source !== undefined ? { source } : {}),
          since: old.since ?? write.now,
        };
      }
    }
    result.translations[text.path] = record;
  }
  return result;
}

function byPath(text: TranslatableText): [string, TranslatableText] {
  return [text.path, text];
}

// The record a text had: at its own path if made for the same English, else the record of any
// path made for that English (the text moved), else whatever its path had.
function baseRecord(
  path: string,
  enPrint: string,
  records: TranslationMap,
  before: ReadonlyMap<string, TranslatableText>,
): { record: TranslationRecord; previousKo: string | undefined } | undefined {
  const own = records[path];
  if (own?.en === enPrint) return { record: own, previousKo: before.get(path)?.ko };
  const moved = Object.entries(records).find(([, record]) => record.en === enPrint);
  if (moved) return { record: moved[1], previousKo: before.get(moved[0])?.ko };
  if (own) return { record: own, previousKo: before.get(path)?.ko };
  // English stored before records were kept: it was made from the Korean stored with it.
  const legacy = before.get(path);
  if (legacy?.en === undefined || textFingerprint(legacy.en) !== enPrint) return undefined;
  return {
    record: { ko: textFingerprint(legacy.ko), en: enPrint },
    previousKo: legacy.ko,
  };
}

function currentOnly(record: TranslationRecord): TranslationRecord {
  const { source: _source, since: _since, ...current } = record;
  return current;
}
