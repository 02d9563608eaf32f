import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { RejectedDocument, StoredDocument } from '../contentStore.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

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
 * What `meta/snapshot` (and each `snapshots/{id}`) says of a compacted snapshot: every document
 * of the store as it was at `rev` of `epoch`, gzipped JSON in `chunks` parts whose bytes hash to
 * `sha256` (a part missing or changed is found, and the snapshot is then not used).
 */
export interface SnapshotPointer {
  id: string;
  epoch: string;
  rev: number;
  chunks: number;
  documents: number;
  sha256: string;
  createdAt: string;
}

/** The content of a compacted snapshot. */
export interface SnapshotContent {
  documents: StoredDocument[];
  rejected: RejectedDocument[];
}

/** A snapshot's id: one per revision of a store's history, so a rewrite of it is the same. */
export function snapshotId(epoch: string, rev: number): string {
  return `${epoch || 'none'}-${String(rev).padStart(12, '0')}`;
}

/** Encodes a snapshot into parts of at most CHUNK_BYTES, with the hash of their bytes. */
export async function encodeSnapshot(
  content: SnapshotContent,
): Promise<{ chunks: Buffer[]; sha256: string }> {
  const bytes = await gzipAsync(Buffer.from(JSON.stringify(content), 'utf8'));
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    chunks.push(bytes.subarray(start, start + CHUNK_BYTES));
  }
  return { chunks, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Decodes a snapshot's parts, in order. Returns undefined when they do not hash to what the
 * pointer says (a part missing, cut or changed): the caller then reads the documents instead.
 */
export async function decodeSnapshot(
  chunks: readonly Buffer[],
  sha256: string,
): Promise<SnapshotContent | undefined> {
  const bytes = Buffer.concat(chunks);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return undefined;
  // Written by this adapter from documents it had validated: decoded, not validated again.
  return JSON.parse((await gunzipAsync(bytes)).toString('utf8')) as SnapshotContent;
}

/**
 * The store's documents: a snapshot's, with those written since (`changed`, each the latest
 * state of its document, tombstones included) in place of their older state.
 */
export function withChanges(
  snapshot: readonly StoredDocument[],
  changed: readonly StoredDocument[],
): StoredDocument[] {
  const latest = new Map<string, StoredDocument>();
  for (const doc of snapshot) latest.set(`${doc.collection}/${doc.id}`, doc);
  for (const doc of changed) latest.set(`${doc.collection}/${doc.id}`, doc);
  return [...latest.values()];
}

/** Reads a pointer stored in Firestore, or undefined when it is absent or not one. */
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
  return { id, epoch, rev, chunks, documents, sha256, createdAt };
}
