import type * as functions from '@google-cloud/functions-framework';
import type { Request, Response } from '@google-cloud/functions-framework';
import { logger } from '../observability/logger.js';
import type { ContentStore } from '../store/contentStore.js';
import type { EventDispatcher } from '../webhooks/webhookService.js';
import type { EventPublisher } from './eventPublisher.js';
import { deliveryHandler } from './pubsubDelivery.js';
import { relayOutbox } from './relay.js';
import { RelayRunner } from './relayRunner.js';

/** Where the event functions register (the functions-framework module, or a test's stand-in). */
export type FunctionRegistry = Pick<typeof functions, 'http' | 'cloudEvent'>;

/** What the event functions work with; the entry builds them from its configuration. */
export interface EventTargetDeps {
  store: Promise<ContentStore>;
  publisher: EventPublisher;
  dispatcher: EventDispatcher;
  /** Events per relay page (RELAY_BATCH_SIZE). */
  relayBatchSize: number;
}

/**
 * Registers the event functions: `relay` (HTTP, for Cloud Scheduler: publishes the outbox once
 * and answers `{published, position}`), `deliverEvent` (CloudEvent from the Pub/Sub topic:
 * dispatches one event to the webhooks) and `deliverDue` (HTTP, for Cloud Scheduler: retries due
 * deliveries). Returns the process's relay runner, for nudging after local commits.
 */
export function registerEventTargets(
  registry: FunctionRegistry,
  deps: EventTargetDeps,
): { relay: RelayRunner } {
  // One runner per process: scheduler calls landing on the same instance never overlap.
  const relay = new RelayRunner(async () =>
    relayOutbox(await deps.store, deps.publisher, { batchSize: deps.relayBatchSize }),
  );
  registry.http(
    'relay',
    schedulerTarget('relay', () => relay.runNow()),
  );
  registry.cloudEvent('deliverEvent', deliveryHandler(deps.dispatcher));
  registry.http(
    'deliverDue',
    schedulerTarget('deliverDue', () => deps.dispatcher.deliverDue()),
  );
  return { relay };
}

// A scheduler-triggered HTTP target: GET or POST runs the job once and answers its result as
// JSON; a failure answers 500 (Cloud Scheduler records it and the next tick tries again) without
// the error's details, which go to the log.
function schedulerTarget(name: string, job: () => Promise<object>) {
  return async (req: Request, res: Response): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.status(405).set('allow', 'GET, POST').json({ error: 'method not allowed' });
      return;
    }
    try {
      res.set('cache-control', 'no-store').json(await job());
    } catch (error) {
      logger().error({ err: error, target: name }, `${name} failed`);
      res
        .status(500)
        .set('cache-control', 'no-store')
        .json({ error: `${name} failed` });
    }
  };
}
