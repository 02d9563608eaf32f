import { PubSub, type ClientConfig, type Topic } from '@google-cloud/pubsub';
import type { ChangeEvent } from '../domain/changeEvent.js';
import type { EventPublisher } from './eventPublisher.js';
import { messageAttributes, orderingKey } from './eventMessage.js';

/** Where the publisher sends events. */
export interface PubSubPublisherOptions {
  projectId: string;
  /** The topic's short name (`content-events`); it must exist (the deployment creates it). */
  topic: string;
  /** host:port of the Pub/Sub emulator; unset for real Pub/Sub. */
  emulatorHost?: string;
}

/**
 * Publishes change events to a Pub/Sub topic with message ordering: each event's JSON as the
 * data, its name, type, action, locales, revision and id as attributes, `<type>/<documentId>` as
 * the ordering key (see eventMessage). `publish` resolves once Pub/Sub has accepted every event.
 */
export class PubSubPublisher implements EventPublisher {
  private readonly client: PubSub;
  private readonly topic: Topic;

  constructor(options: PubSubPublisherOptions) {
    this.client = new PubSub(clientOptions(options));
    this.topic = this.client.topic(options.topic, {
      messageOrdering: true,
      // A relay page is published at once; a short wait lets one request carry it.
      batching: { maxMessages: 100, maxMilliseconds: 10 },
    });
  }

  async publish(events: readonly ChangeEvent[]): Promise<void> {
    const results = await Promise.allSettled(
      events.map((event) =>
        this.topic.publishMessage({
          data: Buffer.from(JSON.stringify(event)),
          attributes: messageAttributes(event),
          orderingKey: orderingKey(event),
        }),
      ),
    );
    const failed = new Set<string>();
    let rejected = 0;
    let firstError: unknown;
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      failed.add(orderingKey(events[index]!));
      rejected += 1;
      firstError ??= result.reason;
    });
    if (rejected === 0) return;
    // After a failure the client pauses the key and rejects every later message with it until
    // resumed: resume, so the relay's next run can publish these events again.
    for (const key of failed) this.topic.resumePublishing(key);
    const keys = [...failed].slice(0, 3).join(', ') + (failed.size > 3 ? ', …' : '');
    throw new Error(`Pub/Sub did not accept ${rejected} of ${events.length} events (${keys})`, {
      cause: firstError,
    });
  }

  /** Sends what is still batched, then releases the connection. */
  async close(): Promise<void> {
    await this.topic.flush();
    await this.client.close();
  }
}

/**
 * Options of a Pub/Sub client for a project, on the emulator when `emulatorHost` is set. The
 * project id is given, so the client never asks the metadata server for one; the emulator is
 * named explicitly (emulatorMode: plain text, no credentials) rather than found in the
 * environment, with the universe domain, so the client does not look for it on the (absent)
 * metadata server and warn (as store/firestore does for Firestore).
 */
export function clientOptions(
  options: Pick<PubSubPublisherOptions, 'projectId' | 'emulatorHost'>,
): ClientConfig {
  return {
    projectId: options.projectId,
    ...(options.emulatorHost
      ? { apiEndpoint: options.emulatorHost, emulatorMode: true, universeDomain: 'googleapis.com' }
      : {}),
  };
}
