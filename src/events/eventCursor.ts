import { z } from 'zod';
import { eventPositionSchema } from '../domain/changeEvent.js';
import { AppError, ErrorCode } from '../errors.js';

/** Where a reader of the event feed stands: the store's history and the last event it has. */
export interface EventCursor {
  epoch: string;
  position: string;
}

const cursorSchema = z
  .object({ v: z.literal(1), e: z.string().max(64), p: eventPositionSchema })
  .strict();

/**
 * The feed cannot be continued from a cursor (not ours, or from a store that was reset since):
 * the same code delta sync answers, with the argument to drop.
 */
export function feedRestartRequired(reason: string): AppError {
  return new AppError(
    ErrorCode.FULL_SYNC_REQUIRED,
    `${reason} Read the feed again without "after" (every event the store holds).`,
    [{ path: ['after'], message: 'cannot be continued' }],
  );
}

/** An opaque cursor (base64url JSON), like a sync token. */
export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, e: cursor.epoch, p: cursor.position })).toString(
    'base64url',
  );
}

/**
 * Decodes a cursor; anything that is not one of ours is FULL_SYNC_REQUIRED, as for delta sync:
 * the reader starts again from the beginning (or from what it knows by other means).
 */
export function decodeEventCursor(token: string): EventCursor {
  if (token.length > 512 || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw feedRestartRequired('The event cursor is not valid.');
  }
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return { epoch: parsed.e, position: parsed.p };
  } catch {
    throw feedRestartRequired('The event cursor is not valid.');
  }
}
