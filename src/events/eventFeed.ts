import { authorize } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { eventName, eventPosition, type ChangeEvent } from '../domain/changeEvent.js';
import { AppError, ErrorCode } from '../errors.js';
import type { ContentStore } from '../store/contentStore.js';
import { decodeEventCursor, encodeEventCursor, feedRestartRequired } from './eventCursor.js';

/** Most events one page of the feed returns. */
export const MAX_FEED_PAGE = 500;
// A filtered page reads the outbox in chunks of this size until it has `first` matches or has
// read this many chunks (then it answers what it found, with a cursor past what it read).
const SCAN_CHUNK = 500;
const MAX_SCAN_CHUNKS = 20;

// Before every event (revisions start at 1): where a cursor on an empty outbox stands.
const BEFORE_FIRST = eventPosition(0, 0);

/** One page of the pull feed. */
export interface EventFeedPage {
  events: ChangeEvent[];
  /** Continue from here (also when `events` is empty: nothing newer yet, ask again later). */
  cursor: string;
  /** True when more events were already there than this page held. */
  hasMore: boolean;
}

/** What a feed request asks for. */
export interface EventFeedRequest {
  after?: string | null;
  first?: number | null;
  /** Keep only events whose names this accepts (a filter, see domain/eventFilter). */
  accepts?: (name: string) => boolean;
}

/**
 * The pull feed over the outbox (editors and admins): events after a cursor, oldest first, with
 * the cursor semantics of delta sync: a cursor from a store that was since reset is
 * FULL_SYNC_REQUIRED. The same events, ids and order the webhooks and the Pub/Sub stream carry.
 */
export async function readEventFeed(
  store: ContentStore,
  viewer: Viewer,
  writable: boolean,
  request: EventFeedRequest,
): Promise<EventFeedPage> {
  authorize(viewer, 'readEvents', writable);
  const first = request.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `"first" must be 1 to ${MAX_FEED_PAGE}; got ${first}.`,
      [{ path: ['first'], message: `1 to ${MAX_FEED_PAGE}` }],
    );
  }
  const from = request.after ? decodeEventCursor(request.after) : null;
  let position = from?.position ?? null;
  const events: ChangeEvent[] = [];
  let epoch = '';
  let hasMore = false;
  for (let chunk = 0; chunk < MAX_SCAN_CHUNKS; chunk++) {
    const page = await store.readEvents(position, request.accepts ? SCAN_CHUNK : first + 1);
    epoch = page.epoch;
    // A cursor from before the store's first commit (no epoch yet) continues into it.
    if (from && from.epoch !== '' && from.epoch !== page.epoch) {
      throw feedRestartRequired('The content store has been reset since this cursor.');
    }
    for (const event of page.events) {
      if (events.length === first) {
        hasMore = true;
        break;
      }
      position = event.position;
      if (!request.accepts || request.accepts(eventName(event))) events.push(event);
    }
    const exhausted = page.events.length < (request.accepts ? SCAN_CHUNK : first + 1);
    if (hasMore || exhausted) break;
    if (chunk === MAX_SCAN_CHUNKS - 1) hasMore = true;
  }
  return {
    events,
    cursor: encodeEventCursor({ epoch, position: position ?? BEFORE_FIRST }),
    hasMore,
  };
}
