import type { CollectionName } from '../domain/bundle.js';
import { textFingerprint } from '../domain/translation/fingerprint.js';
import type { TranslationMap, TranslationRecord } from '../domain/translation/translationRecord.js';
import { translatableTexts } from '../domain/translation/translatableTexts.js';

/**
 * The records an imported document claims, reduced to what they say about its present English:
 * - per text with English, the bundle's record made for that English: at the text's path, else
 *   at another path (the text moved in a list). A record made for other English is left out: the
 *   English was rewritten since (a translator edited the YAML), so the record is stale, and the
 *   store's tracking makes the new English current on its own;
 * - where the store's record at that path is for the same Korean and English, the claim is
 *   completed with what the store knows of it (who, when, the Korean it was made from): a seed
 *   that records only fingerprints does not erase them.
 * Undefined when nothing is claimed, so such a write is tracked from the store's records alone.
 */
export function effectiveClaims(
  collection: CollectionName,
  data: unknown,
  claimed: TranslationMap | undefined,
  stored: TranslationMap | undefined,
): TranslationMap | undefined {
  if (!claimed) return undefined;
  const result: TranslationMap = {};
  for (const text of translatableTexts(collection, data)) {
    if (text.en === undefined) continue;
    const en = textFingerprint(text.en);
    const own = claimed[text.path];
    const record =
      own?.en === en ? own : Object.values(claimed).find((candidate) => candidate.en === en);
    if (!record) continue;
    const known = stored?.[text.path];
    result[text.path] =
      known && known.ko === record.ko && known.en === record.en ? { ...known, ...record } : record;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * Whether the store already holds what the claims say: for every claimed path a stored record
 * with the same Korean, English and source. Who and when are informative and do not count, so
 * re-importing a seed whose records lack them writes nothing.
 */
export function claimsAgree(
  claims: TranslationMap | undefined,
  stored: TranslationMap | undefined,
): boolean {
  return Object.entries(claims ?? {}).every(([path, claim]) => sameRecord(claim, stored?.[path]));
}

function sameRecord(a: TranslationRecord, b: TranslationRecord | undefined): boolean {
  return b !== undefined && a.ko === b.ko && a.en === b.en && a.source === b.source;
}
