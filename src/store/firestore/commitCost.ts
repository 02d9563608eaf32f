import type { ChangeEvent } from '../../domain/changeEvent.js';
import { AppError, ErrorCode, type Issue } from '../../errors.js';
import { documentStorageSize, fieldWireSize, measureFields, writeWireSize } from './encodedSize.js';
import { FIRESTORE_LIMITS } from './firestoreLimits.js';

/** What part of a commit costs against Firestore's limits. */
export interface CommitCost {
  /** Firestore writes. */
  writes: number;
  /** Bytes of the commit request as sent. */
  bytes: number;
}

/** The cost of one stored document in a commit, and its own size as Firestore stores it. */
export interface DocumentCost extends CommitCost {
  /** `collection/id` */
  path: string;
  /** Storage size of its largest copy (the version copy: its name is longer). */
  storageBytes: number;
}

/** The outbox: one document per change event, its id the event's position (commit order). */
export const EVENTS = 'events';
/** Name of the subcollection that keeps every version of a document. */
export const VERSIONS = 'versions';

// A document's full name is `projects/P/databases/D/documents/` and its path. Sized for the
// longest project id (30 characters) and database id (63), so one bound serves every project.
const DATABASE_NAME_BOUND = 'projects/'.length + 30 + '/databases/'.length + 63;
const NAME_PREFIX = 'x'.repeat(DATABASE_NAME_BOUND + '/documents/'.length);
// A transaction id is an opaque token the server hands out; the emulator's and Firestore's are
// a few dozen bytes.
const TRANSACTION_ID_BOUND = 256;

/**
 * A revision larger than any this store will reach: placeholders for stamps not known yet (the
 * seed measures writes before the commit that numbers them) cost at least as much as the real
 * ones.
 */
export const REVISION_BOUND = 2 ** 40;

/**
 * What every commit costs besides its documents: the revision document (`meta/content`: the
 * revision, the epoch, a timestamp), the database's name and the transaction id.
 */
export const COMMIT_BASE_COST: CommitCost = {
  writes: 1,
  bytes:
    writeWireSize(
      `${NAME_PREFIX}meta/content`,
      measureFields({ rev: REVISION_BOUND, epoch: 'x'.repeat(36), updatedAt: 'x'.repeat(24) }).wire,
    ) +
    fieldWireSize(DATABASE_NAME_BOUND) +
    fieldWireSize(TRANSACTION_ID_BOUND),
};

/**
 * What one stored document becomes in a commit: three writes (the document, its version copy
 * under `versions/<version>`, its change event in the outbox), with `fields` its Firestore form
 * (`toFirestore`, or the same envelope with its data not yet encoded: the measure encodes as the
 * codec does).
 */
export function documentCost(
  doc: { collection: string; id: string; version: number },
  fields: Record<string, unknown>,
  event: ChangeEvent,
): DocumentCost {
  const path = `${doc.collection}/${doc.id}`;
  const versionPath = `${path}/${VERSIONS}/${doc.version}`;
  const size = measureFields(fields);
  const eventWire = measureFields(event).wire;
  return {
    path,
    writes: 3,
    bytes:
      writeWireSize(NAME_PREFIX + path, size.wire) +
      writeWireSize(NAME_PREFIX + versionPath, size.wire) +
      writeWireSize(`${NAME_PREFIX}${EVENTS}/${event.position}`, eventWire),
    storageBytes: documentStorageSize(versionPath, size.storage),
  };
}

/** Issues for every document over Firestore's document limit (none when all fit). */
export function oversizeDocuments(costs: readonly DocumentCost[], limit: number): Issue[] {
  return costs
    .filter((cost) => cost.storageBytes > limit)
    .map((cost) => ({
      path: cost.path.split('/'),
      message: `is ${formatBytes(cost.storageBytes)} as stored, over the ${formatBytes(limit)} a Firestore document may hold`,
    }));
}

/**
 * Refuses (PAYLOAD_TOO_LARGE, before anything is sent) a commit Firestore would refuse: a
 * document over its document limit, more writes than a commit may hold, or a request over the
 * size it accepts. Firestore's own refusal of an oversized request (`RESOURCE_EXHAUSTED`) comes
 * only after the client has retried it for a minute, past any deadline of ours.
 */
export function assertCommitFits(costs: readonly DocumentCost[]): void {
  const oversize = oversizeDocuments(costs, FIRESTORE_LIMITS.documentBytes);
  if (oversize.length > 0) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `${oversize.map((issue) => issue.path.join('/')).join(', ')} ${oversize.length === 1 ? 'is' : 'are'} too large for a Firestore document`,
      oversize,
    );
  }
  const total = costs.reduce(
    (sum, cost) => ({ writes: sum.writes + cost.writes, bytes: sum.bytes + cost.bytes }),
    COMMIT_BASE_COST,
  );
  if (total.writes > FIRESTORE_LIMITS.commitWrites || total.bytes > FIRESTORE_LIMITS.requestBytes) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `This commit is too large for Firestore: ${costs.length} documents make ${total.writes} writes ` +
        `(at most ${FIRESTORE_LIMITS.commitWrites}) and ${formatBytes(total.bytes)} ` +
        `(at most ${formatBytes(FIRESTORE_LIMITS.requestBytes)} a request); commit them in smaller batches.`,
    );
  }
}

/** Bytes for people: `812 bytes`, `3.5 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
