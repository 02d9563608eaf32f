import { z } from 'zod';
import { AppError, ErrorCode } from '../errors.js';

/** Where a sync stands: the store history, the revision the client has, and a page position. */
export interface SyncPosition {
  /** The store's epoch the client's copy comes from. */
  epoch: string;
  /** The revision the client's copy is complete up to (0: nothing yet). */
  since: number;
  /** While paging: the revision this run of pages reads up to, and the last key sent. */
  upTo?: number;
  after?: string;
}

const tokenSchema = z
  .object({
    v: z.literal(1),
    e: z.string().max(64),
    s: z.number().int().min(0),
    u: z.number().int().min(0).optional(),
    a: z.string().max(300).optional(),
  })
  .strict();

/** An opaque token for a sync position (base64url JSON). */
export function encodeSyncToken(position: SyncPosition): string {
  const payload = {
    v: 1,
    e: position.epoch,
    s: position.since,
    ...(position.upTo !== undefined ? { u: position.upTo } : {}),
    ...(position.after !== undefined ? { a: position.after } : {}),
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The error that tells a client its copy cannot be brought up to date: start over. */
export function fullSyncRequired(reason: string): AppError {
  return new AppError(
    ErrorCode.FULL_SYNC_REQUIRED,
    `${reason} Sync from scratch: call again without "since" and replace the local copy.`,
    [{ path: ['since'], message: 'cannot be continued' }],
  );
}

/** Decodes a sync token; anything that is not one of ours is FULL_SYNC_REQUIRED. */
export function decodeSyncToken(token: string): SyncPosition {
  if (token.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(token))
    throw fullSyncRequired('The sync token is not valid.');
  let parsed: z.infer<typeof tokenSchema>;
  try {
    parsed = tokenSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw fullSyncRequired('The sync token is not valid.');
  }
  return {
    epoch: parsed.e,
    since: parsed.s,
    ...(parsed.u !== undefined ? { upTo: parsed.u } : {}),
    ...(parsed.a !== undefined ? { after: parsed.a } : {}),
  };
}
