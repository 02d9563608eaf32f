import { z } from 'zod';
import { readEnvironment } from '../environment.js';

// The variables the event relay and delivery read. Kept apart from config.ts so the API's own
// configuration does not change; the entry reads both at start.
const environmentSchema = z.object({
  PUBSUB_TOPIC: z
    .string()
    // Pub/Sub's rule for topic ids (3-255 characters, starting with a letter, not "goog").
    .regex(/^(?!goog)[A-Za-z][\w.~+%-]{2,254}$/, 'must be a Pub/Sub topic id')
    .optional(),
  PUBSUB_PROJECT_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,61}[a-z0-9]$/, 'must be a Google Cloud project id')
    .optional(),
  GOOGLE_CLOUD_PROJECT: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,61}[a-z0-9]$/, 'must be a Google Cloud project id')
    .optional(),
  PUBSUB_EMULATOR_HOST: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .optional(),
  RELAY_BATCH_SIZE: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    // Pub/Sub takes at most 1000 messages per publish request.
    .pipe(z.number().min(1, 'must be at least 1').max(1000, 'must be at most 1000'))
    .default(100),
});

/** How change events leave the process. */
export type EventsConfig =
  | {
      /** No topic: the relay hands events to the in-process dispatcher (embedded mode). */
      mode: 'embedded';
      relayBatchSize: number;
    }
  | {
      /** Events are published to a Pub/Sub topic and delivered by the `deliverEvent` function. */
      mode: 'pubsub';
      relayBatchSize: number;
      pubsub: { projectId: string; topic: string; emulatorHost?: string };
    };

/** An events variable that cannot be used; the message names the variable and the value. */
export class EventsConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the events' variables; throws at start with a message naming each bad
 * variable and its value. PUBSUB_PROJECT_ID wins over GOOGLE_CLOUD_PROJECT (a topic in another
 * project); one of them is required with PUBSUB_TOPIC.
 */
export function loadEventsConfig(
  env: Record<string, string | undefined> = process.env,
): EventsConfig {
  const read = readEnvironment(environmentSchema, env);
  if ('problem' in read) throw new EventsConfigError(read.problem);
  const vars = read.values;
  if (!vars.PUBSUB_TOPIC) return { mode: 'embedded', relayBatchSize: vars.RELAY_BATCH_SIZE };
  const projectId = vars.PUBSUB_PROJECT_ID ?? vars.GOOGLE_CLOUD_PROJECT;
  if (!projectId) {
    throw new EventsConfigError(
      'invalid configuration: PUBSUB_PROJECT_ID=null: must be set (or GOOGLE_CLOUD_PROJECT) when PUBSUB_TOPIC is',
    );
  }
  return {
    mode: 'pubsub',
    relayBatchSize: vars.RELAY_BATCH_SIZE,
    pubsub: {
      projectId,
      topic: vars.PUBSUB_TOPIC,
      ...(vars.PUBSUB_EMULATOR_HOST ? { emulatorHost: vars.PUBSUB_EMULATOR_HOST } : {}),
    },
  };
}
