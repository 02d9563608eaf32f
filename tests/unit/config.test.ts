import { ConfigError, loadConfig } from '../../src/config.js';
import { defaultPersistedDocumentsFile, defaultSeedDir } from '../../src/paths.js';

// loadConfig(env) (src/config.ts): the defaults, production vs development introspection, and
// ConfigError messages that name each bad variable together with the value received.

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but loadConfig accepted the environment');
}

describe('loadConfig defaults', () => {
  it('uses port 8080, the memory store, the shipped seed and a 5 s content TTL when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      production: false,
      store: 'memory',
      seedDir: defaultSeedDir(),
      contentTtlMs: 5000,
      storeTimeoutMs: 5000,
      events: { mode: 'embedded', relayBatchSize: 100 },
      webhooks: { timeoutMs: 10_000, maxResponseBytes: 65_536, allowPrivateNetwork: true },
      introspection: true,
      explorer: true,
      persistedDocuments: { only: false, file: defaultPersistedDocumentsFile() },
      apiTokens: [],
      publicLifetimes: { maxAge: 60, sMaxAge: 300 },
      corsOrigins: '*',
      queryLimits: {
        depth: 14,
        cost: 100_000,
        aliases: 30,
        directives: 30,
        tokens: 3000,
        selections: 200,
      },
      maxBodyBytes: 102_400,
      maxWriterBodyBytes: 10_485_760,
      responseCacheBytes: 33_554_432,
      graphqlExecution: 'fast',
      logging: { level: 'info' },
    });
  });

  it('configures Firestore from GOOGLE_CLOUD_PROJECT and FIRESTORE_EMULATOR_HOST', () => {
    expect(
      loadConfig({
        STORE: 'firestore',
        GOOGLE_CLOUD_PROJECT: 'llm-course',
        FIRESTORE_EMULATOR_HOST: '127.0.0.1:8681',
      }),
    ).toMatchObject({
      store: 'firestore',
      firestore: { projectId: 'llm-course', emulatorHost: '127.0.0.1:8681' },
    });
    expect(
      loadConfig({ STORE: 'firestore', GOOGLE_CLOUD_PROJECT: 'llm-course' }).firestore,
    ).toEqual({
      projectId: 'llm-course',
    });
  });

  it('refuses STORE=firestore without a project, and malformed Firestore settings', () => {
    expect(() => loadConfig({ STORE: 'firestore' })).toThrow(
      /GOOGLE_CLOUD_PROJECT=null: must be set when STORE=firestore/,
    );
    expect(() => loadConfig({ STORE: 'firestore', GOOGLE_CLOUD_PROJECT: 'X' })).toThrow(
      /GOOGLE_CLOUD_PROJECT="X"/,
    );
    expect(() =>
      loadConfig({
        STORE: 'firestore',
        GOOGLE_CLOUD_PROJECT: 'llm-course',
        FIRESTORE_EMULATOR_HOST: 'nohost',
      }),
    ).toThrow(/FIRESTORE_EMULATOR_HOST="nohost": must be host:port/);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ HOME: '/root', UNRELATED: 'x' }).port).toBe(8080);
  });

  it.each<[string, Record<string, string>, boolean]>([
    ['on outside production', { NODE_ENV: 'development' }, true],
    ['on in test', { NODE_ENV: 'test' }, true],
    ['off in production', { NODE_ENV: 'production' }, false],
    [
      'on in production when asked for',
      { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' },
      true,
    ],
    [
      'on in production when asked for with 1',
      { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: '1' },
      true,
    ],
    ['off in development when turned off', { GRAPHQL_INTROSPECTION: 'false' }, false],
    ['off in development when turned off with 0', { GRAPHQL_INTROSPECTION: '0' }, false],
  ])('introspection is %s', (_case, env, introspection) => {
    expect(loadConfig(env).introspection).toBe(introspection);
  });

  it('lets webhooks reach private addresses (localhost) only outside production, unless told', () => {
    expect(loadConfig({}).webhooks.allowPrivateNetwork).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).webhooks.allowPrivateNetwork).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true' }).webhooks
        .allowPrivateNetwork,
    ).toBe(true);
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_MS: '5s' })).toThrow(
      /WEBHOOK_TIMEOUT_MS="5s": must be a whole number/,
    );
  });

  it('publishes events to Pub/Sub when a topic is set, failing the start on a bad one', () => {
    expect(
      loadConfig({ PUBSUB_TOPIC: 'content-events', GOOGLE_CLOUD_PROJECT: 'demo-project' }).events,
    ).toMatchObject({
      mode: 'pubsub',
      pubsub: { topic: 'content-events', projectId: 'demo-project' },
    });
    expect(() =>
      loadConfig({ PUBSUB_TOPIC: 'goog-x', GOOGLE_CLOUD_PROJECT: 'demo-project' }),
    ).toThrow(ConfigError);
  });

  it('flags production only for NODE_ENV=production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(loadConfig({ NODE_ENV: 'staging' }).production).toBe(false);
  });

  it('reads valid values from the environment', () => {
    expect(
      loadConfig({ PORT: '3000', STORE: 'memory', CONTENT_TTL_MS: '0', SEED_DIR: '/data/seed' }),
    ).toMatchObject({ port: 3000, store: 'memory', contentTtlMs: 0, seedDir: '/data/seed' });
  });

  it.each([
    ['PORT', '1', { port: 1 }],
    ['PORT', '65535', { port: 65_535 }],
    ['CONTENT_TTL_MS', '3600000', { contentTtlMs: 3_600_000 }],
  ])('accepts the boundary value %s=%s', (name, value, expected) => {
    expect(loadConfig({ [name]: value })).toMatchObject(expected);
  });
});

describe('API_TOKENS', () => {
  const hash = 'a'.repeat(64);

  it('parses role:sha256hex pairs, keeping only hashes and fingerprints', () => {
    const { apiTokens } = loadConfig({ API_TOKENS: ` editor:${hash} , admin:${'b'.repeat(64)}` });
    expect(apiTokens.map((t) => [t.role, t.fingerprint, t.hash.length])).toEqual([
      ['editor', 'aaaaaaaaaaaa', 32],
      ['admin', 'bbbbbbbbbbbb', 32],
    ]);
  });

  it.each([
    ['an unknown role', `writer:${hash}`, /entry 1 has role "writer"/],
    ['a raw token instead of a hash', 'admin:llmc_secret-token-value', /64 lowercase hex digits/],
    ['a missing role', hash, /entry 1 must be role:sha256hex/],
    ['a bad second entry', `admin:${hash},editor:xyz`, /entry 2/],
  ])('refuses %s without echoing the value', (_name, value, rule) => {
    expect(() => loadConfig({ API_TOKENS: value })).toThrow(rule);
    expect(() => loadConfig({ API_TOKENS: value })).not.toThrow(/secret-token-value/);
  });
});

describe('blank variables', () => {
  it('treats a variable set to the empty string as not set', () => {
    const config = loadConfig({ PORT: '', CONTENT_TTL_MS: '', SEED_DIR: '', STORE: '' });
    expect(config).toMatchObject({ port: 8080, contentTtlMs: 5000, store: 'memory' });
    expect(config.seedDir).toMatch(/seed$/);
  });
});

describe('loadConfig refusals', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['PORT', '80.5'],
    ['STORE', 'redis'],
    ['CONTENT_TTL_MS', '-1'],
    ['CONTENT_TTL_MS', 'soon'],
    ['CONTENT_TTL_MS', '3600001'],
    ['GRAPHQL_INTROSPECTION', 'maybe'],
    ['GRAPHQL_INTROSPECTION', 'yes'],
    ['GRAPHQL_EXECUTION', 'jit'],
    ['PORT', '0x50'],
    ['PORT', '1e3'],
  ])('throws a ConfigError naming %s and the value %j', (name, value) => {
    const error = configError({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toContain(`${name}=${JSON.stringify(value)}`);
  });

  it.each([
    ['STORE', 'redis', 'must be "memory"'],
    ['GRAPHQL_INTROSPECTION', 'maybe', 'must be true or false'],
  ])('says which values %s accepts', (name, value, rule) => {
    expect(configError({ [name]: value }).message).toContain(rule);
  });

  it('reports every bad value in one message', () => {
    const error = configError({
      PORT: 'abc',
      STORE: 'redis',
      CONTENT_TTL_MS: '-1',
      GRAPHQL_INTROSPECTION: 'maybe',
    });
    for (const part of [
      'PORT="abc"',
      'STORE="redis"',
      'CONTENT_TTL_MS="-1"',
      'GRAPHQL_INTROSPECTION="maybe"',
    ]) {
      expect(error.message).toContain(part);
    }
    expect(error.message.split('; ')).toHaveLength(4);
  });

  it('does not mention the variables that are fine', () => {
    const error = configError({ PORT: '70000', STORE: 'memory', CONTENT_TTL_MS: '10' });
    expect(error.message).toContain('PORT="70000"');
    expect(error.message).not.toContain('STORE');
    expect(error.message).not.toContain('CONTENT_TTL_MS');
  });
});
