// What Firestore's client really sends, for checking our measure (src/store/firestore/
// encodedSize.ts) against it: the SDK's own serializer turns a document into `Value`s, and
// protobufjs encodes the commit request with the SDK's own protos, as its gRPC layer does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import protobuf from 'protobufjs';
import type { ChangeEvent } from '../../src/domain/changeEvent.js';
import type { StoredDocument } from '../../src/store/contentStore.js';
import { toFirestore } from '../../src/store/firestore/documentCodec.js';
import { projectRoot } from '../../src/paths.js';

const require = createRequire(join(projectRoot(), 'package.json'));
const protos = protobuf.Root.fromJSON(
  require(join(dirname(require.resolve('@google-cloud/firestore')), '..', 'protos', 'v1.json')),
);
const CommitRequest = protos.lookupType('google.firestore.v1.CommitRequest');
// The client's serializer (a private field: if it moves, these tests say so at once). The client
// is never asked anything, so it opens no connection.
const serializer = (
  new Firestore({ projectId: 'wire', ignoreUndefinedProperties: true }) as unknown as {
    _serializer: { encodeFields(fields: Record<string, unknown>): Record<string, unknown> };
  }
)._serializer;

/** The longest project id (30 characters) and database id (63): names at their longest. */
export const LONGEST_DATABASE = `projects/${'p'.repeat(30)}/databases/${'d'.repeat(63)}`;

/** One `set` of a commit: the document's path under the database, and its Firestore fields. */
export interface WireWrite {
  path: string;
  fields: Record<string, unknown>;
}

/** Bytes of a commit request as the client encodes it. */
export function commitRequestBytes(request: {
  writes: readonly WireWrite[];
  database?: string;
  transaction?: Buffer;
}): number {
  const database = request.database ?? LONGEST_DATABASE;
  const message = CommitRequest.fromObject({
    ...(request.database !== undefined ? { database } : {}),
    writes: request.writes.map((write) => ({
      update: {
        name: `${database}/documents/${write.path}`,
        fields: serializer.encodeFields(write.fields),
      },
    })),
    ...(request.transaction ? { transaction: request.transaction } : {}),
  });
  return CommitRequest.encode(message).finish().length;
}

/** The three writes the Firestore store makes of a stored document and its change event. */
export function storedDocumentWrites(doc: StoredDocument, event: ChangeEvent): WireWrite[] {
  const fields = toFirestore(doc);
  return [
    { path: `${doc.collection}/${doc.id}`, fields },
    { path: `${doc.collection}/${doc.id}/versions/${doc.version}`, fields },
    { path: `events/${event.position}`, fields: event },
  ];
}

/**
 * Bytes of the commit request the Firestore store sends for these documents and their events
 * (with the revision document, the database's name and a transaction id of `transactionBytes`).
 */
export function storeCommitBytes(
  documents: readonly StoredDocument[],
  events: readonly ChangeEvent[],
  transactionBytes: number,
): number {
  const rev = documents[0]?.rev ?? 1;
  return commitRequestBytes({
    database: LONGEST_DATABASE,
    transaction: Buffer.alloc(transactionBytes, 1),
    writes: [
      ...documents.flatMap((doc, i) => storedDocumentWrites(doc, events[i]!)),
      {
        path: 'meta/content',
        fields: { rev, epoch: 'e'.repeat(36), updatedAt: new Date().toISOString() },
      },
    ],
  });
}
