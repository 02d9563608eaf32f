// The deployable Firestore configuration and the build pipeline: indexes cover every query the
// adapter makes, the rules deny direct client access (checked on the emulator), and
// cloudbuild.yaml parses and only calls scripts that exist.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COLLECTIONS } from '../../src/domain/bundle.js';
import { projectRoot } from '../../src/paths.js';
import {
  FIRESTORE_QUERIES,
  type DeclaredQuery,
} from '../../src/store/firestore/firestoreQueries.js';
import { WEBHOOK_QUERIES } from '../../src/webhooks/firestoreWebhookQueries.js';
import {
  describeWithEmulator,
  startEmulator,
  type RunningEmulator,
} from '../helpers/firestoreEmulator.js';

const file = (name: string) => readFileSync(join(projectRoot(), name), 'utf8');

interface IndexField {
  fieldPath: string;
  order?: 'ASCENDING' | 'DESCENDING';
  arrayConfig?: string;
}
interface IndexesFile {
  indexes: { collectionGroup: string; queryScope: string; fields: IndexField[] }[];
  fieldOverrides: {
    collectionGroup: string;
    fieldPath: string;
    indexes: { order?: string; queryScope: string }[];
  }[];
}

// A query on one field needs that field's automatic single-field index (unless exempted);
// a query on several fields needs a composite index: equality fields, then the range/order field.
function isCovered(query: DeclaredQuery, config: IndexesFile): boolean {
  const fields = [
    ...new Set([
      ...query.filters.map(([field]) => field),
      ...query.orderBy.map(([field]) => field),
    ]),
  ];
  if (fields.length === 1) {
    const field = fields[0]!;
    const override = config.fieldOverrides.find(
      (o) =>
        o.collectionGroup === query.collection &&
        (o.fieldPath === field || field.startsWith(`${o.fieldPath}.`)),
    );
    return !override || override.indexes.some((index) => index.order === 'ASCENDING');
  }
  const equality = query.filters.filter(([, op]) => op === '==').map(([field]) => field);
  const ordered = fields.filter((field) => !equality.includes(field));
  return config.indexes.some((index) => {
    const leading = index.fields.slice(0, equality.length).map((f) => f.fieldPath);
    return (
      index.collectionGroup === query.collection &&
      index.queryScope === 'COLLECTION' &&
      index.fields.length === fields.length &&
      equality.every((field) => leading.includes(field)) &&
      ordered.every((field, i) => index.fields[equality.length + i]?.fieldPath === field)
    );
  });
}

describe('firestore.indexes.json', () => {
  const config = JSON.parse(file('firestore.indexes.json')) as IndexesFile;
  const queries = [
    ...COLLECTIONS.map((collection) => FIRESTORE_QUERIES.changedSince(collection)),
    FIRESTORE_QUERIES.history(),
  ];

  it('covers every query the adapter makes', () => {
    expect(queries.length).toBe(COLLECTIONS.length + 1);
    expect(Object.keys(FIRESTORE_QUERIES)).toEqual(['changedSince', 'history']);
    const uncovered = queries.filter((query) => !isCovered(query, config));
    expect(uncovered).toEqual([]);
  });

  it('covers every query the webhook store makes', () => {
    const webhookQueries = Object.values(WEBHOOK_QUERIES).map((declare) => declare());
    expect(webhookQueries).toHaveLength(6);
    // isCovered reads the collection as a name; the webhook collections are not content ones.
    const uncovered = webhookQueries.filter(
      (query) => !isCovered(query as unknown as DeclaredQuery, config),
    );
    expect(uncovered).toEqual([]);
    expect(config.fieldOverrides).toContainEqual({
      collectionGroup: 'webhookDeliveries',
      fieldPath: 'event',
      indexes: [],
    });
  });

  it('would catch a query that needs a missing composite index', () => {
    const composite: DeclaredQuery = {
      collection: 'concepts',
      filters: [
        ['deleted', '=='],
        ['rev', '>'],
      ],
      orderBy: [],
    };
    expect(isCovered(composite, config)).toBe(false);
    const exempted: DeclaredQuery = {
      collection: 'lessons',
      filters: [['data.slug', '==']],
      orderBy: [],
    };
    expect(isCovered(exempted, config)).toBe(false);
  });

  it('exempts the bulky document data from indexing in every collection', () => {
    for (const collection of COLLECTIONS) {
      expect(config.fieldOverrides).toContainEqual({
        collectionGroup: collection,
        fieldPath: 'data',
        indexes: [],
      });
    }
  });
});

interface BuildStep {
  id: string;
  name: string;
  args?: string[];
  entrypoint?: string;
  env?: string[];
}

// What Cloud Build does to a step's arguments before running them: `$$` is a literal `$`, and
// `$NAME`/`${NAME}` must be a built-in or declared substitution (anything else fails the build).
const BUILT_IN = ['PROJECT_ID', 'PROJECT_NUMBER', 'BUILD_ID', 'LOCATION'];
function substitute(text: string, declared: Record<string, string>): string {
  return text
    .split('$$')
    .map((part) =>
      part.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_match, name: string) => {
        if (name in declared) return declared[name]!;
        if (BUILT_IN.includes(name)) return `${name.toLowerCase()}-value`;
        throw new Error(`unknown substitution $${name} (a shell variable needs $$)`);
      }),
    )
    .join('$');
}

function errorOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('cloudbuild.yaml', () => {
  const build = parse(file('cloudbuild.yaml')) as {
    substitutions: Record<string, string>;
    steps: BuildStep[];
  };
  const scripts = (JSON.parse(file('package.json')) as { scripts: Record<string, string> }).scripts;

  it('parses, with uniquely named steps that each run an image', () => {
    const ids = build.steps.map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of build.steps) expect(step.name).toMatch(/\S/);
  });

  it('only runs npm scripts that exist', () => {
    const referenced = build.steps.flatMap((step) => {
      const text = [step.entrypoint, ...(step.args ?? [])].join(' ');
      return [...text.matchAll(/\b(?:npm|npm-cli\.js)\s+(?:run\s+)?([\w:-]+)/g)].map((m) => m[1]!);
    });
    const builtIn = new Set(['ci', 'test', 'install']);
    expect(referenced.length).toBeGreaterThan(3);
    for (const name of referenced) {
      if (name === 'run') continue;
      expect({ name, exists: builtIn.has(name) || name in scripts }).toEqual({
        name,
        exists: true,
      });
    }
    // Steps with entrypoint npm and args ['run', X]:
    for (const step of build.steps.filter((s) => s.entrypoint === 'npm' && s.args?.[0] === 'run')) {
      expect(scripts).toHaveProperty([step.args![1]!]);
    }
  });

  it('tests on the emulator, then deploys rules, indexes, seed and the function in that order', () => {
    const order = build.steps.map((step) => step.id);
    const at = (id: string) => order.indexOf(id);
    for (const id of ['install', 'test', 'build', 'firestore-rules-and-indexes', 'seed', 'deploy'])
      expect(at(id)).toBeGreaterThanOrEqual(0);
    expect(at('test')).toBeLessThan(at('firestore-rules-and-indexes'));
    expect(at('seed')).toBeLessThan(at('deploy'));
    const deploy = build.steps.find((step) => step.id === 'deploy')!.args!.join(' ');
    for (const flag of ['--gen2', '--runtime=nodejs22', '--entry-point=api', '--trigger-http'])
      expect(deploy).toContain(flag);
    expect(deploy).toMatch(/STORE=firestore/);
    expect(JSON.parse(file('firebase.json'))).toEqual({
      firestore: { rules: 'firestore.rules', indexes: 'firestore.indexes.json' },
    });
  });

  it('gives every function twice the memory a hundred copies of the course measured', () => {
    const deploys = build.steps.filter(
      (step) => step.args?.[0] === 'functions' && step.args[1] === 'deploy',
    );
    expect(deploys.map((step) => step.id)).toEqual([
      'deploy',
      'deploy-relay',
      'deploy-deliver-event',
      'deploy-deliver-due',
    ]);
    for (const step of deploys) expect(step.args).toContain('--memory=${_MEMORY}');
    // 233 MiB once the search index is built at 100× (bench/README.md, `## scale`): twice that,
    // for a second revision's snapshot and bursts.
    const mebibytes = Number(/^(\d+)Mi$/.exec(build.substitutions._MEMORY ?? '')?.[1]);
    expect(mebibytes).toBeGreaterThanOrEqual(2 * 233);
  });
});

describeWithEmulator('firestore.rules on the emulator', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator([`--rules=${join(projectRoot(), 'firestore.rules')}`]);
  }, 90_000);
  afterAll(() => emulator?.stop());

  const url = (path: string) =>
    `http://${emulator.host}/v1/projects/rules-test/databases/(default)/documents/${path}`;

  it('denies direct reads and writes by clients', async () => {
    const read = await fetch(url('concepts/encoder'));
    expect(read.status).toBe(403);
    const write = await fetch(url('concepts?documentId=x'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { rev: { integerValue: '1' } } }),
    });
    expect(write.status).toBe(403);
  });

  it("lets the privileged service identity through (as the function's service account is)", async () => {
    const write = await fetch(url('meta?documentId=content'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer owner' },
      body: JSON.stringify({ fields: { rev: { integerValue: '1' } } }),
    });
    expect(write.status).toBe(200);
  });
});

describe('cloudbuild.yaml: change events', () => {
  const build = parse(file('cloudbuild.yaml')) as {
    substitutions: Record<string, string>;
    steps: BuildStep[];
  };
  const step = (id: string) => {
    const found = build.steps.find((s) => s.id === id);
    if (!found) throw new Error(`no step ${id}`);
    return found;
  };
  const argsOf = (id: string) => substitute((step(id).args ?? []).join('\n'), build.substitutions);
  const topic = build.substitutions._EVENTS_TOPIC!;

  it('requires the Pub/Sub emulator suites in the test step', () => {
    expect(step('test').env).toContain('REQUIRE_PUBSUB_EMULATOR=1');
  });

  it('creates the topic, its dead-letter topic and infrastructure only where missing', () => {
    expect(topic).toBe('content-events');
    const script = argsOf('events-topics');
    for (const name of [topic, `${topic}-dead-letter`]) {
      expect(script).toContain(
        `gcloud pubsub topics describe ${name} >/dev/null 2>&1 || gcloud pubsub topics create ${name}\n`,
      );
    }
    expect(script).toMatch(
      /subscriptions create \S+-dead-letter-hold --topic=content-events-dead-letter/,
    );
  });

  it.each([
    ['deploy-relay', 'relay', 'relay'],
    ['deploy-deliver-event', 'deliver-event', 'deliverEvent'],
    ['deploy-deliver-due', 'deliver-due', 'deliverDue'],
  ])('%s deploys the same source with entry point %s', (id, name, entryPoint) => {
    const args = argsOf(id).split('\n');
    expect(args.slice(0, 3)).toEqual(['functions', 'deploy', name]);
    for (const flag of [
      '--gen2',
      '--runtime=nodejs22',
      `--entry-point=${entryPoint}`,
      '--source=.',
      '--trigger-http',
      '--no-allow-unauthenticated',
    ])
      expect(args).toContain(flag);
    expect(args.join(' ')).toMatch(/STORE=firestore,.*PUBSUB_TOPIC=content-events/);
  });

  it('feeds deliverEvent from an ordered push subscription with retry backoff and dead letters', () => {
    const script = argsOf('events-trigger');
    for (const flag of [
      '--min-retry-delay=10s',
      '--max-retry-delay=600s',
      `--dead-letter-topic=${topic}-dead-letter`,
      '--max-delivery-attempts=10',
      '--push-endpoint=$url/projects/project_id-value/topics/content-events',
    ])
      expect(script).toContain(flag);
    expect(script).toMatch(
      new RegExp(
        `subscriptions create ${topic}-deliver --topic=${topic} --enable-message-ordering`,
      ),
    );
    expect(script).toMatch(
      /subscriptions describe content-events-deliver .*then\n\s+gcloud pubsub subscriptions update/,
    );
    expect(script).toContain('--role=roles/pubsub.publisher');
    expect(script).toContain('--role=roles/pubsub.subscriber');
  });

  it('schedules the relay and deliverDue every minute, created or updated', () => {
    const script = argsOf('events-schedule');
    expect(script).toContain('for job in relay-outbox:relay deliver-due:deliver-due; do');
    expect(script).toContain("gcloud scheduler jobs create http $name --schedule='* * * * *'");
    expect(script).toContain("gcloud scheduler jobs update http $name --schedule='* * * * *'");
    expect(script).toContain('--oidc-service-account-email=$invoker');
  });

  it('runs each shell step as valid bash once substituted', () => {
    const scripts = build.steps.filter(
      (s) => s.entrypoint === 'bash' && s.id.startsWith('events-'),
    );
    expect(scripts.map((s) => s.id)).toEqual([
      'events-topics',
      'events-trigger',
      'events-schedule',
    ]);
    for (const s of scripts) {
      const script = substitute(s.args![1]!, build.substitutions);
      const check = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
      expect({ id: s.id, stderr: check.stderr, status: check.status }).toEqual({
        id: s.id,
        stderr: '',
        status: 0,
      });
    }
  });

  it('uses only declared or built-in substitutions in every step (shell variables as $$NAME)', () => {
    for (const s of build.steps) {
      const text = [...(s.args ?? []), ...(s.env ?? [])].join('\n');
      expect({ id: s.id, error: errorOf(() => substitute(text, build.substitutions)) }).toEqual({
        id: s.id,
        error: null,
      });
    }
  });

  it('would catch a shell variable written without $$', () => {
    expect(() => substitute('echo $url', build.substitutions)).toThrow('unknown substitution $url');
    expect(substitute('echo $$url ${_REGION}', build.substitutions)).toBe(
      'echo $url asia-northeast3',
    );
  });

  it('deploys the events after the tests and the API, topics first, schedule last', () => {
    const order = build.steps.map((s) => s.id);
    const at = (id: string) => order.indexOf(id);
    expect(at('test')).toBeLessThan(at('events-topics'));
    expect(at('deploy')).toBeLessThan(at('events-topics'));
    for (const id of ['deploy-relay', 'deploy-deliver-event', 'deploy-deliver-due']) {
      expect(at(id)).toBeGreaterThan(at('events-topics'));
      expect(at(id)).toBeLessThan(at('events-trigger'));
    }
    expect(at('events-trigger')).toBeLessThan(at('events-schedule'));
  });
});
