import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { StoredDocument } from '../contentStore.js';
import { gunzipWholeSync } from '../gunzipWhole.js';
import {
  restoreDeferredTexts,
  SNAPSHOT_DEFERRED_FIELDS,
  splitDeferredTexts,
  textBounds,
  withDeferredTexts,
} from '../deferredTexts.js';

const gzipAsync = promisify(gzip);

/**
 * Raw bytes of one block of a snapshot's deferred texts (a field's JSON is never cut, so a block
 * may be one field longer). Each block is gzipped alone, so a first read gunzips only its block:
 * a few milliseconds, where gunzipping every text of a large course would take the time a start
 * saves.
 */
export const TEXT_BLOCK_BYTES = 256 * 1024;

/** A snapshot's documents with their deferred fields taken out (see splitSnapshotTexts). */
export interface SplitSnapshotTexts {
  /** The documents, each deferred field's value replaced by 0 (keeping its place among the keys). */
  documents: StoredDocument[];
  /** Where the deferred fields lie in the raw texts, all blocks end to end (see textBounds). */
  bounds: number[];
  /** Where each block starts in the raw texts (the first at 0). */
  blockStarts: number[];
  /** The deferred fields' JSON, in blocks of about TEXT_BLOCK_BYTES, each gzipped. */
  blocks: Buffer[];
}

/**
 * Takes the deferred fields (SNAPSHOT_DEFERRED_FIELDS: lesson sections and Markdown, concept
 * summary to limitations, comparison rows; and current translation records,
 * DEFERRED_DOCUMENT_FIELD) out of a snapshot's documents, leaving the documents as they were.
 */
export async function splitSnapshotTexts(
  documents: readonly StoredDocument[],
): Promise<SplitSnapshotTexts> {
  const split = splitDeferredTexts(documents, SNAPSHOT_DEFERRED_FIELDS);
  const bounds = textBounds(split.spans);
  const blockStarts = [0];
  for (let field = 0; field + 1 < bounds.length; field++) {
    const blockStart = blockStarts[blockStarts.length - 1]!;
    const [start, end] = [bounds[field]!, bounds[field + 1]!];
    if (end - blockStart > TEXT_BLOCK_BYTES && start > blockStart) blockStarts.push(start);
  }
  const raw = blockStarts.map((start, i) => split.texts.subarray(start, blockStarts[i + 1]));
  const blocks = await Promise.all(raw.map((block) => gzipAsync(block)));
  return { documents: split.documents, bounds, blockStarts, blocks };
}

/**
 * Puts the deferred fields back into a snapshot's decoded documents, as fields parsed on first
 * read from their gzipped block (gunzipped once, on the first read of any of its fields).
 * Changes the array in place (see restoreDeferredTexts). Returns false when the documents and
 * `bounds` disagree, or a field lies outside the blocks (a snapshot this code did not write).
 */
export function restoreSnapshotTexts(
  documents: StoredDocument[],
  bounds: readonly number[],
  blockStarts: readonly number[],
  blocks: readonly Buffer[],
): boolean {
  if (blockStarts.length !== blocks.length || blockStarts[0] !== 0) return false;
  const rawBlock = gunzippedOnce(blocks);
  const read = (start: number, end: number) => {
    const block = blockAt(blockStarts, start);
    const offset = blockStarts[block]!;
    const raw = rawBlock(block);
    if (end - offset > raw.length)
      throw new Error(`snapshot texts have no bytes [${start}, ${end})`);
    return raw.toString('utf8', start - offset, end - offset);
  };
  return restoreDeferredTexts(documents, bounds, read);
}

// A snapshot's blocks of texts by number, each gunzipped on its first read and kept.
function gunzippedOnce(blocks: readonly Buffer[]): (block: number) => Buffer {
  const gunzipped: (Buffer | undefined)[] = [];
  return (block) => (gunzipped[block] ??= gunzipWholeSync(blocks[block]!));
}

// The block whose raw bytes hold `start`: the last one starting at or before it.
function blockAt(blockStarts: readonly number[], start: number): number {
  let low = 0;
  let high = blockStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blockStarts[middle]! <= start) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where each deferred field of a document lies in a snapshot of format 2: [block, start, end). */
export type TextSpansV2 = Record<string, [number, number, number]>;

/**
 * Restores the deferred fields of a snapshot of format 2 (an earlier deploy's: a span object
 * per document, bytes of each block), as restoreSnapshotTexts does the current format's.
 */
export function restoreSnapshotTextsV2(
  documents: StoredDocument[],
  spans: readonly (TextSpansV2 | 0)[],
  blocks: readonly Buffer[],
): boolean {
  if (spans.length !== documents.length) return false;
  for (const docSpans of spans) {
    if (!docSpans) continue;
    for (const [block] of Object.values(docSpans)) if (!blocks[block]) return false;
  }
  const rawBlock = gunzippedOnce(blocks);
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
