import autocannon from 'autocannon';
import { generateToken, hashToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { defaultSeedDir } from '../src/paths.js';
import { importSeed } from '../src/seed/importSeed.js';
import { openStore } from '../src/store/openStore.js';
import { startEmulator, uniqueProjectId } from '../tests/helpers/firestoreEmulator.js';
import { answers, startServer } from './throughput/serverProcess.js';
import { benchOperations } from './throughput/operations.js';
import { fmt } from './stats.js';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const CONNECTIONS = 50;
const WRITE_EVERY_MS = 100;
// The concepts the admin keeps editing (their summaries), in turn.
const EDITED = ['gemini', 'prompt-design', 'fine-tuning', 'vertex-ai-studio', 'model-garden'];

interface Acknowledged {
  slug: string;
  version: number;
  summary: string;
}

/**
 * Load and soak on Firestore (the emulator): SECONDS of mixed reads (every throughput
 * operation plus search and listings) at 50 connections against the deployable, while an
 * admin edits a concept every 100 ms. Then: every acknowledged write is read back, from the
 * API (the concept's history) and from Firestore itself, and RSS before and after is compared.
 */
export async function soakBench(): Promise<string> {
  const emulator = await startEmulator();
  const projectId = uniqueProjectId('soak');
  const env = {
    STORE: 'firestore',
    GOOGLE_CLOUD_PROJECT: projectId,
    FIRESTORE_EMULATOR_HOST: emulator.host,
  };
  const importer = await openStore(loadConfig(env));
  await importSeed(importer, defaultSeedDir());
  const token = generateToken();
  const api = await startServer(
    'functions-framework',
    ['--target=api'],
    { ...env, NODE_ENV: 'production', API_TOKENS: `admin:${hashToken(token)}` },
    answers('/healthz'),
  );
  try {
    const reads = [
      ...benchOperations(),
      {
        method: 'GET' as const,
        path: '/v1/search?q=%ED%94%84%EB%A1%AC%ED%94%84%ED%8A%B8',
        headers: {},
      },
      { method: 'GET' as const, path: '/v1/concepts?limit=20&locale=en', headers: {} },
    ];
    for (const read of reads) {
      const prepare = 'prepare' in read ? read.prepare : undefined;
      if (prepare) await fetch(`${api.url}${prepare.path}`, { ...prepare });
    }
    const acknowledged: Acknowledged[] = [];
    const writeErrors: string[] = [];
    const writer = startWriter(api.url, token, acknowledged, writeErrors);
    // Warm up under the same mix of reads and writes (JIT, caches at their steady size), then
    // take the starting RSS.
    await autocannon({ url: api.url, connections: CONNECTIONS, duration: 10, requests: reads });
    const writesBefore = acknowledged.length;
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(api.rssBytes()), 1000);
    const load = await autocannon({
      url: api.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: reads,
    });
    clearInterval(sampler);
    await writer.stop();
    // RSS breathes with garbage collection: compare the medians of the first and last 5 samples.
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const rssBefore = median(rss.slice(0, 5));
    const rssAfter = median(rss.slice(-5));
    const rssPeak = Math.max(...rss);

    // Every acknowledged write, read back: each version from Firestore's history, and the
    // latest of each concept from the API (as an admin, past the response cache).
    let readableInFirestore = 0;
    let latestViaApi = 0;
    for (const slug of EDITED) {
      const writes = acknowledged.filter((w) => w.slug === slug);
      const history = await importer.readHistory('concepts', slug, writes.length + 10);
      const stored = new Map(
        history.map((doc) => [
          doc.version,
          (doc.data as { summary?: { en?: string } }).summary?.en,
        ]),
      );
      readableInFirestore += writes.filter((w) => stored.get(w.version) === w.summary).length;
      const last = writes.at(-1);
      const now = await gql(api.url, token, LATEST, { slug });
      if (
        last &&
        now.data?.concept?.version === last.version &&
        now.data.concept.summary === last.summary
      ) {
        latestViaApi++;
      }
    }
    const growth = (rssAfter - rssBefore) / rssBefore;
    return [
      `\`npm run bench -- soak\`: ${SECONDS} s, ${CONNECTIONS} connections cycling ${reads.length} reads (the throughput operations, a Korean search, a listing) against the deployable on the Firestore emulator (STORE=firestore, production, content TTL 5 s), after a 10 s warm-up under the same load, while an admin edits a concept summary every ${WRITE_EVERY_MS} ms (5 concepts in turn, one write at a time, each naming the version it expects).`,
      '',
      '| figure | value |',
      '| ------ | ----- |',
      `| reads | ${load.requests.total} (${Math.round(load.requests.average)}/s) |`,
      `| read p50 / p99 ms | ${fmt(load.latency.p50)} / ${fmt(load.latency.p99)} |`,
      `| read errors (connection, timeout, non-2xx) | ${load.errors + load.timeouts + load.non2xx} |`,
      `| writes acknowledged / failed (10 s warm-up + run) | ${acknowledged.length} / ${writeErrors.length} (${acknowledged.length - writesBefore} during the run) |`,
      `| acknowledged writes readable afterwards (Firestore history) | ${readableInFirestore} / ${acknowledged.length} |`,
      `| latest write of each concept served by the API | ${latestViaApi} / ${EDITED.length} |`,
      `| RSS first 5 s / last 5 s / peak (MiB, medians of 1 s samples) | ${fmt(rssBefore / 2 ** 20)} / ${fmt(rssAfter / 2 ** 20)} / ${fmt(rssPeak / 2 ** 20)} |`,
      `| RSS growth | ${(growth * 100).toFixed(1)}% (target under 20%) |`,
      ...(writeErrors.length
        ? ['', `First write errors: ${writeErrors.slice(0, 3).join('; ')}`]
        : []),
    ].join('\n');
  } finally {
    await api.stop();
    await importer.close();
    await emulator.stop();
  }
}

/**
 * Starts an admin editing a concept every WRITE_EVERY_MS, five concepts in turn, one write at
 * a time: every commit moves the store's one revision counter, so concurrent commits would
 * only queue on it (on the emulator, past the commit deadline). A tick that finds the previous
 * write still running is skipped, so the achieved rate is reported, not assumed.
 */
function startWriter(url: string, token: string, acknowledged: Acknowledged[], errors: string[]) {
  const versions = new Map<string, number>();
  let n = 0;
  let running: Promise<void> | undefined;
  const write = async () => {
    const slug = EDITED[n % EDITED.length]!;
    const summary = `soak write ${n++} (${slug})`;
    try {
      const version = versions.get(slug) ?? (await currentVersion(url, token, slug));
      const answer = await gql(url, token, UPDATE, { slug, v: version, s: summary });
      if (answer.errors) {
        errors.push(JSON.stringify(answer.errors).slice(0, 200));
        versions.delete(slug);
        return;
      }
      const written = answer.data.updateConcept.version as number;
      versions.set(slug, written);
      acknowledged.push({ slug, version: written, summary });
    } catch (error) {
      errors.push(String(error));
      versions.delete(slug);
    }
  };
  const timer = setInterval(() => {
    running ??= write().finally(() => (running = undefined));
  }, WRITE_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

const UPDATE = `mutation Soak($slug: ID!, $v: Int!, $s: String!) {
  updateConcept(slug: $slug, expectedVersion: $v, patch: { summary: { ko: $s, en: $s } }) { version }
}`;
const LATEST = `query Latest($slug: ID!) { concept(slug: $slug, locale: EN) { version summary } }`;

async function currentVersion(url: string, token: string, slug: string): Promise<number> {
  const answer = await gql(url, token, 'query($slug: ID!) { concept(slug: $slug) { version } }', {
    slug,
  });
  return answer.data.concept.version as number;
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}
