import { createHash } from 'node:crypto';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { compressedPadding, postEndlessBody } from '../tests/helpers/hostileBodies.js';
import { sendRaw } from '../tests/helpers/rawHttp.js';
import { answers, startServer, type ServerProcess } from './throughput/serverProcess.js';
import { fmt, summarize } from './stats.js';

const RUNS = Number(process.env.BENCH_BOUNDS_RUNS ?? 5);
// A token for this run only: the lesson edits need an editor.
const EDITOR_TOKEN = 'llmc_bench-bounds-editor-token-00000000000000000';

/** One request at the edge of a bound: what it is, what enforces the bound, how it is sent. */
interface BoundCase {
  name: string;
  bound: string;
  /** Sends the request once; resolves to the status answered. */
  send(url: string): Promise<number>;
}

const graphql = (url: string, query: string, variables?: unknown, headers = {}) =>
  sendRaw(
    `${url}/graphql`,
    'POST',
    { 'content-type': 'application/json', ...headers },
    JSON.stringify({ query, variables }),
  ).then((answer) => answer.status);

const fanOut = (levels: number) =>
  `{ concept(slug: "encoder") { ...F0 } } ${Array.from({ length: levels }, (_, i) => `fragment F${i} on Concept { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${levels} on Concept { related { slug } }`;

const repeated = (count: number) =>
  Array.from({ length: count }, () => 'related { slug }').join(' ');

// Concepts of the course far apart in its relation graph, and eight to compare.
const COURSE = [
  'chatbot',
  'dialog-tuned-model',
  'large-language-model',
  'gemini',
  'model-garden',
  'prompt-design',
  'fine-tuning',
  'encoder',
  'vertex-ai-studio',
  'chain-of-thought',
];
const PATH_ENDS = Array.from({ length: 30 }, (_, i) => [
  COURSE[i % COURSE.length]!,
  COURSE[(i * 7 + 3) % COURSE.length]!,
]);
const COMPARED = COURSE.slice(0, 8);

const LONG_QUERY = '트랜스포머 fine tuning 프롬프트 '.repeat(10).slice(0, 200);
const searches = (count: number) =>
  `query($q: String!) { ${Array.from({ length: count }, (_, i) => `s${i}: search(query: $q, first: 50) { score snippet concept { slug } }`).join(' ')} }`;

// The slowest kind of lesson markdown within MARKDOWN_BOUNDS we found: 490 list items at every
// indentation up to 38 columns.
const SLOW_LESSON =
  '# 시험\n\n## 제목 {#title}\n\n' +
  Array.from({ length: 490 }, (_, i) => `${' '.repeat((i % 20) * 2)}- 항목 ${i}`).join('\n');

let lessons = 0;
const upsertLesson = (url: string, markdown: string) =>
  graphql(
    url,
    'mutation($slug: ID!, $md: String!) { upsertLesson(slug: $slug, markdown: $md) { version } }',
    { slug: `bench-${++lessons}`, md: markdown },
    { authorization: `Bearer ${EDITOR_TOKEN}` },
  );

async function cases(): Promise<BoundCase[]> {
  const gzipBomb = await compressedPadding(createGzip({ level: 9 }), 95);
  const brotliBomb = await compressedPadding(
    createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    512,
  );
  const bomb = (body: Buffer, coding: string) => (url: string) =>
    sendRaw(
      `${url}/graphql`,
      'POST',
      { 'content-type': 'application/json', 'content-encoding': coding },
      body,
    ).then((answer) => answer.status);
  return [
    {
      name: 'baseline: one concept by slug (GraphQL POST)',
      bound: '—',
      send: (url) => graphql(url, '{ concept(slug: "gemini") { slug term } }'),
    },
    {
      name: '60 levels of doubling fragments (refused)',
      bound: 'cost rule, one visit per fragment',
      send: (url) => graphql(url, fanOut(60)),
    },
    {
      name: '270 aliases of one field (refused)',
      bound: 'alias limit 30, before the spec rules',
      send: (url) =>
        graphql(
          url,
          `{ ${Array.from({ length: 270 }, () => 'a: concept(slug: "x") { slug }').join(' ')} }`,
        ),
    },
    {
      name: '730 repeated `related { slug }` in one selection set (refused)',
      bound: 'fields per set 200',
      send: (url) => graphql(url, `{ concept(slug: "gemini") { ${repeated(730)} } }`),
    },
    {
      name: 'seven fragments of 100 repeated fields spread together (refused)',
      bound: 'fields per set 200, fragments spread',
      send: (url) => {
        const fragments = Array.from(
          { length: 7 },
          (_, i) => `fragment F${i} on Concept { ${repeated(100)} }`,
        );
        const spreads = Array.from({ length: 7 }, (_, i) => `...F${i}`).join(' ');
        return graphql(url, `{ concept(slug: "gemini") { ${spreads} } } ${fragments.join(' ')}`);
      },
    },
    {
      name: 'three sets of 190 repeated fields (accepted)',
      bound: 'fields per set 200, tokens 3,000',
      send: (url) =>
        graphql(
          url,
          `{ ${['a', 'b', 'c'].map((alias) => `${alias}: concept(slug: "gemini") { ${repeated(190)} }`).join(' ')} }`,
        ),
    },
    {
      name: 'related depth 3 twice under 100 concepts (accepted)',
      bound: 'cost 100,000',
      send: (url) =>
        graphql(
          url,
          '{ concepts(first: 100) { edges { node { related(depth: 3) { related(depth: 3) { slug } } } } } }',
        ),
    },
    {
      name: 'five searches of 200 characters (accepted)',
      bound: 'a search costs 18,000',
      send: (url) => graphql(url, searches(5), { q: LONG_QUERY }),
    },
    {
      name: 'six searches (refused)',
      bound: 'a search costs 18,000',
      send: (url) => graphql(url, searches(6), { q: LONG_QUERY }),
    },
    {
      name: 'gzip body inflating to 95 MB (refused)',
      bound: 'body limit, counted inflated',
      send: bomb(gzipBomb, 'gzip'),
    },
    {
      name: 'brotli body inflating to 512 MB (refused)',
      bound: 'body limit, counted inflated',
      send: bomb(brotliBomb, 'br'),
    },
    {
      name: 'chunked body that never ends (refused)',
      bound: 'body limit, as it arrives',
      send: (url) => postEndlessBody(`${url}/graphql`).then((answer) => answer.status),
    },
    {
      name: 'JSON body nested 10,000 deep (refused)',
      bound: 'JSON nesting 64',
      send: (url) =>
        sendRaw(
          `${url}/graphql`,
          'POST',
          { 'content-type': 'application/json' },
          `{"query":"{ lessons { slug } }","v":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        ).then((answer) => answer.status),
    },
    {
      name: 'lesson markdown, 5,000 nested `>` (refused)',
      bound: 'markdown bounds',
      send: (url) => upsertLesson(url, `## 가 {#a}\n\n${'>'.repeat(5000)} a\n`),
    },
    {
      name: 'lesson markdown, slowest accepted (490 nested list items)',
      bound: 'markdown bounds; worker thread, 2 s deadline',
      send: (url) => upsertLesson(url, SLOW_LESSON),
    },
    {
      name: 'thirty aliased shortest paths (accepted)',
      bound: 'aliases 30; breadth-first over the relation graph',
      send: (url) =>
        graphql(
          url,
          `{ ${PATH_ENDS.map(([from, to], i) => `p${i}: path(from: "${from}", to: "${to}") { from { slug } to { slug } }`).join(' ')} }`,
        ),
    },
    {
      name: 'thirty aliased comparisons of 8 concepts (accepted)',
      bound: 'aliases 30; compare 2–8 concepts',
      send: (url) =>
        graphql(
          url,
          `{ ${PATH_ENDS.map((_, i) => `c${i}: compare(slugs: ${JSON.stringify(COMPARED)}) { rows { label cells { points } } }`).join(' ')} }`,
        ),
    },
    {
      name: 'lesson bundle in both locales (uncached)',
      bound: 'one lesson',
      send: (url) =>
        sendRaw(`${url}/v1/lessons/introduction-to-llms/bundle?locales=ko,en`, 'GET').then(
          (answer) => answer.status,
        ),
    },
    {
      name: 'full sync, 1,000 per page (uncached)',
      bound: 'page size 1,000',
      send: (url) => sendRaw(`${url}/v1/sync?first=1000`, 'GET').then((answer) => answer.status),
    },
  ];
}

// Reader latency while an editor's slowest accepted lesson is parsed: /healthz sent back to
// back until the edit is answered.
async function readersDuringParse(server: ServerProcess): Promise<number[]> {
  let done = false;
  const edit = upsertLesson(server.url, SLOW_LESSON).finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const start = performance.now();
    await sendRaw(`${server.url}/healthz`, 'GET');
    latencies.push(performance.now() - start);
  }
  await edit;
  return latencies;
}

/**
 * Bounds: the time one request at the edge of each bound costs the API (the `npm run build`
 * output, production, response cache off so every answer is computed), sent one at a time, as
 * a ratio to a trivial request measured in the same run; and what readers wait while an editor's
 * slowest accepted lesson is parsed.
 */
export async function boundsBench(): Promise<string> {
  const tokenHash = createHash('sha256').update(EDITOR_TOKEN).digest('hex');
  const server = await startServer(
    'functions-framework',
    ['--target=api'],
    { NODE_ENV: 'production', RESPONSE_CACHE_BYTES: '0', API_TOKENS: `editor:${tokenHash}` },
    answers('/healthz'),
  );
  try {
    const all = await cases();
    const rows: string[] = [];
    let baseline = 0;
    for (const boundCase of all) {
      const times: number[] = [];
      let status = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = performance.now();
        status = await boundCase.send(server.url);
        times.push(performance.now() - start);
      }
      const median = summarize(times).p50;
      if (baseline === 0) baseline = median;
      rows.push(
        `| ${boundCase.name} | ${boundCase.bound} | ${status} | ${fmt(median)} | ${fmt(Math.max(...times))} | ${(median / baseline).toFixed(1)}× |`,
      );
    }
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await sendRaw(`${server.url}/healthz`, 'GET');
      idle.push(performance.now() - start);
    }
    const busy = await readersDuringParse(server);
    const idleSummary = summarize(idle);
    const busySummary = summarize(busy);
    return [
      `${RUNS} runs each, one request at a time; milliseconds from sending to the whole answer.`,
      '',
      '| request | bound | status | median ms | max ms | / baseline |',
      '| ------- | ----- | ------ | --------- | ------ | ---------- |',
      ...rows,
      '',
      `Readers while the slowest accepted lesson is parsed: ${busy.length} /healthz answers during the edit, p50 ${fmt(busySummary.p50)} ms, p99 ${fmt(busySummary.p99)} ms (idle: p50 ${fmt(idleSummary.p50)} ms, p99 ${fmt(idleSummary.p99)} ms).`,
    ].join('\n');
  } finally {
    await server.stop();
  }
}
