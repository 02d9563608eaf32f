import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { StoredDocument } from '../contentStore.js';
import { gunzipWholeSync } from '../gunzipWhole.js';
import { splitDeferredTexts, withDeferredTexts } from '../deferredTexts.js';

const gzipAsync = promisify(gzip);

/**
 * Raw bytes of one block of a snapshot's deferred texts (a field's JSON is never cut, so a block
 * may be one field longer). Each block is gzipped alone, so a first read gunzips only its block:
 * a few milliseconds, where gunzipping every text of a large course would take the time a start
 * saves.
 */
export const TEXT_BLOCK_BYTES = 256 * 1024;

/** Where each deferred field of a document lies: [block, start, end), bytes of the raw block. */
export type TextSpans = Record<string, [number, number, number]>;

/** A snapshot's documents with their deferred fields taken out (see splitSnapshotTexts). */
export interface SplitSnapshotTexts {
  /** The documents, each deferred field's value replaced by 0 (keeping its place among the keys). */
  documents: StoredDocument[];
  /** Per document (same order): its deferred fields' spans, or 0 for none. */
  spans: (TextSpans | 0)[];
  /** The deferred fields' JSON, in blocks of about TEXT_BLOCK_BYTES, each gzipped. */
  blocks: Buffer[];
}

/**
 * Takes the deferred fields (DEFERRED_FIELDS: lesson sections and Markdown, concept summary to
 * limitations, comparison rows) out of a snapshot's documents, leaving the documents as they were.
 */
export async function splitSnapshotTexts(
  documents: readonly StoredDocument[],
): Promise<SplitSnapshotTexts> {
  const split = splitDeferredTexts(documents);
  const raw: Buffer[] = [];
  let blockStart = 0;
  const spans = split.spans.map((docSpans) => {
    if (!docSpans) return 0;
    const blockSpans: TextSpans = {};
    for (const [field, [start, end]] of Object.entries(docSpans)) {
      if (end - blockStart > TEXT_BLOCK_BYTES && start > blockStart) {
        raw.push(split.texts.subarray(blockStart, start));
        blockStart = start;
      }
      blockSpans[field] = [raw.length, start - blockStart, end - blockStart];
    }
    return blockSpans;
  });
  if (split.texts.length > blockStart) raw.push(split.texts.subarray(blockStart));
  const blocks = await Promise.all(raw.map((block) => gzipAsync(block)));
  return { documents: split.documents, spans, blocks };
}

/**
 * Puts the deferred fields back into a snapshot's decoded documents, as fields parsed on first
 * read from their gzipped block (gunzipped once, on the first read of any of its fields).
 * Changes the documents in place (see restoreDeferredTexts). Returns false, changing nothing,
 * when a span points outside the blocks (a snapshot this code did not write).
 */
export function restoreSnapshotTexts(
  documents: StoredDocument[],
  spans: readonly (TextSpans | 0)[],
  blocks: readonly Buffer[],
): boolean {
  if (spans.length !== documents.length) return false;
  for (const docSpans of spans) {
    if (!docSpans) continue;
    for (const [block] of Object.values(docSpans)) if (!blocks[block]) return false;
  }
  const gunzipped: (Buffer | undefined)[] = [];
  const rawBlock = (block: number) => (gunzipped[block] ??= gunzipWholeSync(blocks[block]!));
  // Every document's spans in one list, in order: a field's index is its place in it.
  const all: [number, number, number][] = [];
  const load = (index: number) => {
    const [block, start, end] = all[index]!;
    return JSON.parse(rawBlock(block).toString('utf8', start, end)) as unknown;
  };
  documents.forEach((doc, i) => {
    const docSpans = spans[i];
    if (!docSpans) return;
    const names = Object.keys(docSpans);
    documents[i] = withDeferredTexts(doc, names, all.length, load);
    for (const name of names) all.push(docSpans[name]!);
  });
  return true;
}
