import type { ContentStore } from '../store/contentStore.js';
import type { EventPublisher } from './eventPublisher.js';

/** How one relay run pages the outbox. */
export interface RelayOptions {
  /** Events read and published together (one page of the outbox). */
  batchSize: number;
  /**
   * Pages at most per run (default 100): a run always ends, even while writers keep committing;
   * what is left waits for the next run (the scheduler's or a nudge).
   */
  maxBatches?: number;
}

/** What one run did. */
export interface RelayResult {
  /** Events handed to the publisher and accepted by it in this run. */
  published: number;
  /** The relay position after the run (null: nothing was ever relayed). */
  position: string | null;
}

const DEFAULT_MAX_BATCHES = 100;

/**
 * Publishes the outbox from the relay position on: page by page, each page accepted by the
 * publisher before its last position is marked relayed. A crash or a failed publish between the
 * two leaves the position behind the page, so the next run publishes it again: duplicates are
 * possible (subscribers dedupe by event id), losses are not. A failed publish rejects the run.
 */
export async function relayOutbox(
  store: ContentStore,
  publisher: EventPublisher,
  options: RelayOptions,
): Promise<RelayResult> {
  const maxBatches = options.maxBatches ?? DEFAULT_MAX_BATCHES;
  let position = await store.readRelayPosition();
  let published = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const page = await store.readEvents(position, options.batchSize);
    const last = page.events.at(-1);
    if (!last) break;
    await publisher.publish(page.events);
    await store.markRelayed(last.position);
    position = last.position;
    published += page.events.length;
    // A short page is the end of the outbox: saves one empty read per run.
    if (page.events.length < options.batchSize) break;
  }
  return { published, position };
}
