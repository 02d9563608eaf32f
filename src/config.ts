import { z } from 'zod';
import { readEnvironment } from './environment.js';
import { parseApiTokens, type TokenEntry } from './auth/tokens.js';
import { LOG_LEVELS, type LogLevel } from './observability/logger.js';
import { defaultSeedDir } from './paths.js';
import { EventsConfigError, loadEventsConfig, type EventsConfig } from './events/eventsConfig.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

// Decimal digits only: `0x50` or `1e3` are typos, not ports.
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

// Every variable the API reads, with its rule and default. Nothing else reads process.env.
const environmentSchema = z.object({
  PORT: wholeNumber(1, 65_535).default(8080),
  NODE_ENV: z.string().default('development'),
  STORE: z
    .enum(['memory', 'firestore'], { message: 'must be "memory" or "firestore"' })
    .default('memory'),
  GOOGLE_CLOUD_PROJECT: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,61}[a-z0-9]$/, 'must be a Google Cloud project id')
    .optional(),
  FIRESTORE_EMULATOR_HOST: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'must be host:port')
    .optional(),
  STORE_TIMEOUT_MS: wholeNumber(100, 600_000).default(5000),
  SEED_DIR: z.string().min(1).optional(),
  CONTENT_TTL_MS: wholeNumber(0, 3_600_000).default(5000),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  GRAPHQL_EXPLORER: booleanFlag.optional(),
  API_TOKENS: z.string().optional(),
  CACHE_MAX_AGE: wholeNumber(0, 86_400).default(60),
  CACHE_S_MAXAGE: wholeNumber(0, 86_400).default(300),
  QUERY_MAX_DEPTH: wholeNumber(2, 100).default(14),
  QUERY_MAX_COST: wholeNumber(10, 10_000_000).default(100_000),
  QUERY_MAX_ALIASES: wholeNumber(0, 1000).default(30),
  QUERY_MAX_DIRECTIVES: wholeNumber(0, 1000).default(30),
  QUERY_MAX_TOKENS: wholeNumber(50, 1_000_000).default(3000),
  QUERY_MAX_SELECTIONS: wholeNumber(1, 10_000).default(200),
  MAX_BODY_BYTES: wholeNumber(1024, 32 * 1024 * 1024).default(100 * 1024),
  MAX_WRITER_BODY_BYTES: wholeNumber(1024, 32 * 1024 * 1024).default(10 * 1024 * 1024),
  RESPONSE_CACHE_BYTES: wholeNumber(0, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  GRAPHQL_EXECUTION: z
    .enum(['fast', 'stock'], { message: 'must be "fast" or "stock"' })
    .default('fast'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(\*|https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*)$/,
      'must be * or comma-separated http(s) origins',
    )
    .default('*'),
  WEBHOOK_TIMEOUT_MS: wholeNumber(100, 60_000).default(10_000),
  WEBHOOK_MAX_RESPONSE_BYTES: wholeNumber(0, 1024 * 1024).default(64 * 1024),
  WEBHOOK_ALLOW_PRIVATE_NETWORK: booleanFlag.optional(),
});

/** The validated configuration of one API instance. */
export interface Config {
  port: number;
  production: boolean;
  store: 'memory' | 'firestore';
  /** Firestore settings, when `store` is "firestore". */
  firestore?: {
    projectId: string;
    /** host:port of the Firestore emulator, when one is used. */
    emulatorHost?: string;
  };
  /** How long one store operation may take before it fails with UNAVAILABLE. */
  storeTimeoutMs: number;
  /** Directory the memory store is filled from. */
  seedDir: string;
  /** How stale another instance's write may be seen here. */
  contentTtlMs: number;
  /** Schema introspection (on in development, off in production unless asked for). */
  introspection: boolean;
  /** GraphiQL for browsers at GET /graphql (on in development, off in production unless asked for). */
  explorer: boolean;
  /** Who may write: hashes of the configured bearer tokens with their roles. None: read-only. */
  apiTokens: TokenEntry[];
  /** Cache-Control of public reads: seconds for browsers (max-age) and shared caches (s-maxage). */
  publicLifetimes: { maxAge: number; sMaxAge: number };
  /** Origins allowed to call the API from a browser ('*': any). */
  corsOrigins: '*' | string[];
  /** Limits a GraphQL query must stay within (refused with QUERY_TOO_COMPLEX before it runs). */
  queryLimits: {
    depth: number;
    cost: number;
    aliases: number;
    directives: number;
    tokens: number;
    /** Fields one selection set may hold, its fragments spread into it. */
    selections: number;
  };
  /** Largest request body accepted from anonymous readers (413 above). */
  maxBodyBytes: number;
  /** Largest request body accepted with a valid editor or admin token (imports, long lessons). */
  maxWriterBodyBytes: number;
  /** Bytes of public answers kept per instance by the response cache (0: no cache). */
  responseCacheBytes: number;
  /**
   * How GraphQL queries are executed: `fast` answers error-free queries of known documents
   * without Apollo's request pipeline (graphql/fastPath), `stock` sends every request through it.
   * Both give the same answers (tests/integration/fastGraphQLPath.test.ts).
   */
  graphqlExecution: 'fast' | 'stock';
  /** Structured logs: the lowest level written, and the project that trace ids belong to. */
  logging: { level: LogLevel; projectId?: string };
  /** How change events leave the process: a Pub/Sub topic, or the in-process dispatcher. */
  events: EventsConfig;
  /**
   * How webhooks are sent: a delivery's deadline, how much of a receiver's answer is read, and
   * whether private addresses (localhost) may receive: only outside production by default.
   */
  webhooks: { timeoutMs: number; maxResponseBytes: number; allowPrivateNetwork: boolean };
}

/** A configuration value that cannot be used; the message names the variable and the value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the configuration from `env` (process.env by default). A bad value
 * throws ConfigError naming the variable, the value received and the rule.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const read = readEnvironment(environmentSchema, env);
  if ('problem' in read) throw new ConfigError(read.problem);
  const values = read.values;
  let apiTokens: TokenEntry[] = [];
  try {
    apiTokens = parseApiTokens(values.API_TOKENS ?? '');
  } catch (error) {
    // The value may hold secrets pasted by mistake: name the rule, not the value.
    throw new ConfigError(`invalid configuration: API_TOKENS: ${(error as Error).message}`);
  }
  if (values.STORE === 'firestore' && !values.GOOGLE_CLOUD_PROJECT) {
    throw new ConfigError(
      'invalid configuration: GOOGLE_CLOUD_PROJECT=null: must be set when STORE=firestore',
    );
  }
  const production = values.NODE_ENV === 'production';
  let events: EventsConfig;
  try {
    events = loadEventsConfig(env);
  } catch (error) {
    if (error instanceof EventsConfigError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    port: values.PORT,
    production,
    store: values.STORE,
    ...(values.STORE === 'firestore' && values.GOOGLE_CLOUD_PROJECT
      ? {
          firestore: {
            projectId: values.GOOGLE_CLOUD_PROJECT,
            ...(values.FIRESTORE_EMULATOR_HOST
              ? { emulatorHost: values.FIRESTORE_EMULATOR_HOST }
              : {}),
          },
        }
      : {}),
    storeTimeoutMs: values.STORE_TIMEOUT_MS,
    seedDir: values.SEED_DIR ?? defaultSeedDir(),
    contentTtlMs: values.CONTENT_TTL_MS,
    introspection: values.GRAPHQL_INTROSPECTION ?? !production,
    explorer: values.GRAPHQL_EXPLORER ?? !production,
    apiTokens,
    publicLifetimes: { maxAge: values.CACHE_MAX_AGE, sMaxAge: values.CACHE_S_MAXAGE },
    corsOrigins: values.CORS_ORIGINS === '*' ? '*' : values.CORS_ORIGINS.split(','),
    queryLimits: {
      depth: values.QUERY_MAX_DEPTH,
      cost: values.QUERY_MAX_COST,
      aliases: values.QUERY_MAX_ALIASES,
      directives: values.QUERY_MAX_DIRECTIVES,
      tokens: values.QUERY_MAX_TOKENS,
      selections: values.QUERY_MAX_SELECTIONS,
    },
    maxBodyBytes: values.MAX_BODY_BYTES,
    maxWriterBodyBytes: Math.max(values.MAX_WRITER_BODY_BYTES, values.MAX_BODY_BYTES),
    responseCacheBytes: values.RESPONSE_CACHE_BYTES,
    graphqlExecution: values.GRAPHQL_EXECUTION,
    logging: {
      level: values.LOG_LEVEL,
      ...(values.GOOGLE_CLOUD_PROJECT ? { projectId: values.GOOGLE_CLOUD_PROJECT } : {}),
    },
    events,
    webhooks: {
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      maxResponseBytes: values.WEBHOOK_MAX_RESPONSE_BYTES,
      allowPrivateNetwork: values.WEBHOOK_ALLOW_PRIVATE_NETWORK ?? !production,
    },
  };
}
