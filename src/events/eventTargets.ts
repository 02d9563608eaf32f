import type * as functions from '@google-cloud/functions-framework';
import type { Request, Response } from '@google-cloud/functions-framework';
import { logger } from '../observability/logger.js';
import type { EventDispatcher } from '../webhooks/webhookService.js';
import { deliveryHandler } from './pubsubDelivery.js';
import type { RelayRunner } from './relayRunner.js';

/** Where the event functions register (the functions-framework module, or a test's stand-in). */
export type FunctionRegistry = Pick<typeof functions, 'http' | 'cloudEvent'>;

/** What the event functions work with: the instance's relay runner and dispatcher, once open. */
export interface EventTargetDeps {
  /** The process's one relay runner (the API nudges the same one after its commits). */
  relay: Promise<RelayRunner>;
  dispatcher: Promise<EventDispatcher>;
}

/**
 * Registers the event functions: `relay` (HTTP, for Cloud Scheduler: publishes the outbox once
 * and answers `{published, position}`), `deliverEvent` (CloudEvent from the Pub/Sub topic:
 * dispatches one event to the webhooks) and `deliverDue` (HTTP, for Cloud Scheduler: retries due
 * deliveries).
 */
export function registerEventTargets(registry: FunctionRegistry, deps: EventTargetDeps): void {
  registry.http(
    'relay',
    schedulerTarget('relay', async () => (await deps.relay).runNow()),
  );
  registry.cloudEvent('deliverEvent', deliveryHandler(lazyDispatcher(deps.dispatcher)));
  registry.http(
    'deliverDue',
    schedulerTarget('deliverDue', async () => (await deps.dispatcher).deliverDue()),
  );
}

// The dispatcher exists once the instance's stores are open; a delivery waits for it.
function lazyDispatcher(dispatcher: Promise<EventDispatcher>): EventDispatcher {
  return {
    dispatch: async (events) => (await dispatcher).dispatch(events),
    deliverDue: async (now) => (await dispatcher).deliverDue(now),
  };
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
