import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { asciiJson, decodeJsonText } from '../asciiJson.js';
import { gunzipWhole } from '../gunzipWhole.js';
import type { RejectedDocument, StoredDocument } from '../contentStore.js';
import {
  restoreSnapshotTexts,
  restoreSnapshotTextsV2,
  splitSnapshotTexts,
  type TextSpansV2,
} from './snapshotTexts.js';

const gzipAsync = promisify(gzip);

/** The collection of compacted snapshots: `snapshots/{id}`, their parts in `chunks/{i}`. */
export const SNAPSHOTS = 'snapshots';

/** The subcollection holding a snapshot's parts. */
export const CHUNKS = 'chunks';

/**
 * Bytes of one part: under Firestore's 1 MiB document limit with room for its other fields,
 * so a snapshot of any size is stored as parts of at most this.
 */
export const CHUNK_BYTES = 900 * 1024;

/**
 * What a pointer (see POINTER_DOC; and each `snapshots/{id}`) says of a compacted snapshot:
 * every document of the store as it was at `rev` of `epoch`, in `chunks` parts whose bytes hash
 * to `sha256` (a part missing or changed is found, and the snapshot is then not used). With
 * `headBytes` (the split formats) the parts' bytes are the gzipped head (the documents without
 * their large texts, see snapshotTexts.ts) then the texts' gzipped blocks; without it (the
 * format of earlier deploys, still read) they are one gzipped JSON of the whole content.
 */
export interface SnapshotPointer {
  id: string;
  epoch: string;
  rev: number;
  chunks: number;
  documents: number;
  sha256: string;
  createdAt: string;
  /** Bytes of the gzipped head at the start of the parts (split formats only). */
  headBytes?: number;
  /**
   * Which split format (with headBytes): SNAPSHOT_FORMAT, what this code writes (where the texts
   * lie as one array of bounds, current translation records among them), or 2 (an earlier
   * deploy's: a span object per document, translation records in the head), still read.
   */
  format?: SplitFormat;
}

/** The split formats this code reads. */
export type SplitFormat = 2 | 3;

/** The split format this code writes. */
export const SNAPSHOT_FORMAT: SplitFormat = 3;

/**
 * The document of `meta` holding this format's pointer: one per format from format 3 on, so a
 * deploy never moves the pointer that the instances of an earlier one, still serving during a
 * rolling deploy, read. (A pointer they cannot read made each of their starts read every
 * document one by one, and the snapshot they then left made the new deploy's starts do the
 * same.)
 */
export const POINTER_DOC = `snapshot-v${SNAPSHOT_FORMAT}`;

/**
 * The document of `meta` where earlier deploys keep their pointer (formats 1 to 3, before a
 * pointer per format): read when this format's is missing or unusable, moved only when it already
 * points at this format (its readers read it), never removed.
 */
export const EARLIER_POINTER_DOC = 'snapshot';

/** The content of a compacted snapshot. */
export interface SnapshotContent {
  documents: StoredDocument[];
  rejected: RejectedDocument[];
}

// The head of a split snapshot: the documents without their deferred texts, where those are,
// and the gzipped length of each block of texts that follows the head in the parts.
interface SplitHead extends SnapshotContent {
  blocks: number[];
  /** Format 3: where the texts lie, all blocks end to end, and where each block starts. */
  bounds?: number[];
  blockStarts?: number[];
  /** Format 2: per document, where its texts lie. */
  spans?: (TextSpansV2 | 0)[];
}

/**
 * A snapshot's id: one per revision of a store's history, so a rewrite of it is the same. The
 * ending names the format, keeping it apart from the id an instance of an earlier deploy gives
 * the same revision (`-split`: format 2; none: the first), so neither overwrites the other's parts.
 */
export function snapshotId(epoch: string, rev: number): string {
  return `${epoch || 'none'}-${String(rev).padStart(12, '0')}-split${SNAPSHOT_FORMAT}`;
}

/**
 * Encodes a snapshot into parts of at most CHUNK_BYTES, with the hash of their bytes: the gzipped
 * head (its first `headBytes`), then the deferred texts' gzipped blocks.
 */
export async function encodeSnapshot(
  content: SnapshotContent,
): Promise<{ chunks: Buffer[]; sha256: string; headBytes: number }> {
  const { documents, bounds, blockStarts, blocks } = await splitSnapshotTexts(content.documents);
  const head: SplitHead = {
    documents,
    rejected: content.rejected,
    blocks: blocks.map((block) => block.length),
    bounds,
    blockStarts,
  };
  // ASCII (see asciiJson): an instance's start decodes and parses it about twice as fast.
  const headBytes = await gzipAsync(Buffer.from(asciiJson(head), 'latin1'));
  const bytes = Buffer.concat([headBytes, ...blocks]);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    chunks.push(bytes.subarray(start, start + CHUNK_BYTES));
  }
  return {
    chunks,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    headBytes: headBytes.length,
  };
}

/**
 * Decodes a snapshot's parts, in order: a split format's documents get their large texts as
 * fields parsed on first read (snapshotTexts.ts). Returns undefined when they do not hash to what
 * the pointer says (a part missing, cut or changed) or do not hold what the pointer describes:
 * the caller then reads the documents instead.
 */
export async function decodeSnapshot(
  chunks: readonly Buffer[],
  pointer: Pick<SnapshotPointer, 'sha256' | 'headBytes' | 'format'>,
): Promise<SnapshotContent | undefined> {
  const bytes = Buffer.concat(chunks);
  if (createHash('sha256').update(bytes).digest('hex') !== pointer.sha256) return undefined;
  // Written by this adapter from documents it had validated: decoded, not validated again.
  if (pointer.headBytes === undefined) {
    return JSON.parse(decodeJsonText(await gunzipWhole(bytes))) as SnapshotContent;
  }
  const headEnd = pointer.headBytes;
  const head = JSON.parse(
    decodeJsonText(await gunzipWhole(bytes.subarray(0, headEnd))),
  ) as SplitHead;
  const blocks: Buffer[] = [];
  let start = headEnd;
  for (const length of head.blocks) {
    blocks.push(bytes.subarray(start, start + length));
    start += length;
  }
  if (start !== bytes.length) return undefined;
  const restored =
    pointer.format === 2
      ? head.spans !== undefined && restoreSnapshotTextsV2(head.documents, head.spans, blocks)
      : head.bounds !== undefined &&
        head.blockStarts !== undefined &&
        restoreSnapshotTexts(head.documents, head.bounds, head.blockStarts, blocks);
  if (!restored) return undefined;
  return { documents: head.documents, rejected: head.rejected };
}

/**
 * The store's documents: a snapshot's, with those written since (`changed`, each the latest
 * state of its document, tombstones included) in place of their older state.
 */
export function withChanges(
  snapshot: readonly StoredDocument[],
  changed: readonly StoredDocument[],
): StoredDocument[] {
  if (changed.length === 0) return [...snapshot];
  const latest = new Map<string, StoredDocument>();
  for (const doc of snapshot) latest.set(`${doc.collection}/${doc.id}`, doc);
  for (const doc of changed) latest.set(`${doc.collection}/${doc.id}`, doc);
  return [...latest.values()];
}

/**
 * A pointer as stored: a split format keeps its part count and hash in fields of its own and
 * says 0 parts in the old ones, so an instance of an earlier deploy (which would read the parts
 * as one JSON) finds no snapshot and reads the documents one by one, as before it had one; one
 * that reads only format 2 rejects another format alike.
 */
export function storedPointer(pointer: SnapshotPointer): Record<string, unknown> {
  if (pointer.headBytes === undefined) return { ...pointer };
  const { chunks, sha256, headBytes, format, ...rest } = pointer;
  return {
    ...rest,
    chunks: 0,
    sha256: '',
    format: format ?? SNAPSHOT_FORMAT,
    parts: chunks,
    partsSha256: sha256,
    headBytes,
  };
}

/** Reads a pointer stored in Firestore (any format), or undefined when it is absent or not one. */
export function pointerOf(data: Record<string, unknown> | undefined): SnapshotPointer | undefined {
  if (!data) return undefined;
  const { id, epoch, rev, chunks, documents, sha256, createdAt } = data;
  if (
    typeof id !== 'string' ||
    typeof epoch !== 'string' ||
    typeof rev !== 'number' ||
    typeof chunks !== 'number' ||
    typeof documents !== 'number' ||
    typeof sha256 !== 'string' ||
    typeof createdAt !== 'string'
  ) {
    return undefined;
  }
  if (data.format === undefined) return { id, epoch, rev, chunks, documents, sha256, createdAt };
  const { format, parts, partsSha256, headBytes } = data;
  if (
    (format !== 2 && format !== 3) ||
    typeof parts !== 'number' ||
    typeof partsSha256 !== 'string' ||
    typeof headBytes !== 'number'
  ) {
    return undefined;
  }
  return {
    id,
    epoch,
    rev,
    chunks: parts,
    documents,
    sha256: partsSha256,
    createdAt,
    headBytes,
    format,
  };
}
