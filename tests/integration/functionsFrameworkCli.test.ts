// The deployable, started exactly as Cloud Functions starts it: `functions-framework --target=api`
// on the `npm run build` output, in its own process, over real HTTP.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { freePort, startBin, waitForOk, type RunningProcess } from '../helpers/processes.js';
import { request } from '../helpers/httpServer.js';
import { AS, TEST_API_TOKENS } from '../helpers/tokens.js';

const HTML_OR_STACK = /<html|<!DOCTYPE|<pre>|\bat .+:\d+:\d+|node_modules|\/work\//i;

// The deployable is what `npm run build` makes: tsc, the esbuild bundle, the compiled seed.
beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { cwd: projectRoot(), stdio: 'ignore' });
}, 120_000);

async function startFunction(
  env: Record<string, string> = {},
): Promise<{ url: string; process: RunningProcess }> {
  const port = await freePort();
  const process = startBin('functions-framework', ['--target=api'], { PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/healthz`).catch((error: Error) => {
    throw new Error(`${error.message}\n${process.output()}`);
  });
  return { url, process };
}

const post = (url: string, body: string, contentType = 'application/json') =>
  request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe.each([
  ['development', {}],
  ['production', { NODE_ENV: 'production' }],
])('functions-framework --target=api (%s)', (_mode, env: Record<string, string>) => {
  let served: { url: string; process: RunningProcess };
  beforeAll(async () => {
    served = await startFunction(env);
  }, 30_000);
  afterAll(() => served.process.stop());

  it('answers GraphQL from the embedded store', async () => {
    const answer = await post(
      served.url,
      JSON.stringify({ query: '{ concept(slug: "gemini", locale: EN) { term } }' }),
    );
    expect(answer.json).toEqual({ data: { concept: { term: 'Gemini' } } });
  });

  it('answers malformed JSON with a JSON error, not an HTML page', async () => {
    const answer = await post(served.url, '{"query": ');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(answer.text).not.toMatch(HTML_OR_STACK);
  });

  it('answers an unknown route with JSON', async () => {
    const answer = await request(`${served.url}/favicon.ico/../nope`);
    expect(answer.status).toBe(404);
    expect(answer.text).not.toMatch(HTML_OR_STACK);
  });

  it('prints a one-off admin token on a local start without API_TOKENS, and none in production', () => {
    const printed = /Authorization: Bearer (llmc_[\w-]{43})/.exec(served.process.output());
    if (env.NODE_ENV === 'production') expect(printed).toBeNull();
    else expect(printed?.[1]).toHaveLength(48);
  });

  it('writes every request to stdout as one Cloud Logging JSON line, without secrets', async () => {
    if (env.NODE_ENV !== 'production') return; // the local start also prints its token banner
    const before = served.process.output().length;
    await request(`${served.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer llmc_a-forged-token-never-logged',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
      body: JSON.stringify({ query: '{ concept(slug: "gemini") { slug } }' }),
    });
    await request(`${served.url}/v1/search?q=private-words`);
    // The lines cross a pipe from the child: wait (up to 5 s) until the search line is in.
    for (let i = 0; i < 100 && !served.process.output().slice(before).includes('/v1/search'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const written = served.process.output().slice(before);
    const lines = written.split('\n').filter((line) => line.trim() !== '');
    // Every line is a structured entry (an earlier test's line may still be arriving).
    const entries = lines.map((line) => JSON.parse(line) as Record<string, any>);
    for (const entry of entries) {
      expect(entry).toEqual(
        expect.objectContaining({ severity: expect.any(String), message: expect.any(String) }),
      );
    }
    const byPath = (path: string) =>
      entries.filter((entry) => entry.httpRequest?.requestUrl === path);
    const [unauthenticated] = byPath('/graphql');
    const [search] = byPath('/v1/search');
    expect(unauthenticated).toMatchObject({
      severity: 'WARNING',
      httpRequest: { requestMethod: 'POST', requestUrl: '/graphql', status: 401 },
      'logging.googleapis.com/trace': '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(search).toMatchObject({
      severity: 'INFO',
      httpRequest: { requestMethod: 'GET', requestUrl: '/v1/search', status: 200 },
    });
    expect(written).not.toMatch(/forged-token|private-words/);
  });

  it('keeps serving after bad requests', async () => {
    await post(served.url, '{{{{');
    const answer = await request(`${served.url}/healthz`);
    expect(answer.status).toBe(200);
  });
});

describe('production settings', () => {
  let served: { url: string; process: RunningProcess };
  beforeAll(async () => {
    served = await startFunction({ NODE_ENV: 'production' });
  }, 30_000);
  afterAll(() => served.process.stop());

  it('turns introspection off and hides field suggestions', async () => {
    const introspection = await post(
      served.url,
      JSON.stringify({ query: '{ __schema { types { name } } }' }),
    );
    expect((introspection.json as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post(
      served.url,
      JSON.stringify({ query: '{ concept(slug: "gemini") { trem } }' }),
    );
    expect((typo.json as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean/);
  });

  it('allows introspection in development', async () => {
    const dev = await startFunction({});
    try {
      const answer = await post(
        dev.url,
        JSON.stringify({ query: '{ __type(name: "Concept") { name } }' }),
      );
      expect(answer.json).toEqual({ data: { __type: { name: 'Concept' } } });
    } finally {
      await dev.process.stop();
    }
  }, 30_000);
});

describe('lesson edits', () => {
  it('parse markdown on a worker thread in the deployable', async () => {
    const served = await startFunction({ NODE_ENV: 'production', API_TOKENS: TEST_API_TOKENS });
    try {
      const upsert = (markdown: string) =>
        request(`${served.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...AS.editor },
          body: JSON.stringify({
            query:
              'mutation($md: String!) { upsertLesson(slug: "worker", markdown: $md) { sections { anchor } } }',
            variables: { md: markdown },
          }),
        });
      const accepted = await upsert('# 제목\n\n## 첫 절 {#first}\n\n본문\n');
      expect(accepted.json).toEqual({
        data: { upsertLesson: { sections: [{ anchor: 'first' }] } },
      });
      const refused = await upsert(`## 절 {#a}\n\n${'>'.repeat(3000)} a\n`);
      expect((refused.json as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await served.process.stop();
    }
  }, 30_000);
});

describe('the V8 code cache', () => {
  it('is made by the build for this Node and accepted by the deployable', async () => {
    const served = await startFunction({ NODE_ENV: 'production', LOG_LEVEL: 'debug' });
    try {
      const lines = served.process
        .output()
        .split('\n')
        .filter((line) => line.includes('code cache'));
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
        expect.objectContaining({ severity: 'DEBUG', message: 'V8 code cache accepted' }),
      ]);
    } finally {
      await served.process.stop();
    }
  }, 30_000);

  it('is refused under other V8 heap flags: the function starts without it and says so', async () => {
    const served = await startFunction({
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=512',
    });
    try {
      const answer = await post(
        served.url,
        JSON.stringify({ query: '{ concept(slug: "gemini", locale: EN) { term } }' }),
      );
      expect(answer.json).toEqual({ data: { concept: { term: 'Gemini' } } });
      const lines = served.process
        .output()
        .split('\n')
        .filter((line) => line.includes('code cache'));
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
        expect.objectContaining({
          severity: 'WARNING',
          message: expect.stringMatching(/^V8 code cache rejected/),
        }),
      ]);
    } finally {
      await served.process.stop();
    }
  }, 30_000);
});

describe('the memory default', () => {
  it('does not load the Firestore client', () => {
    // Load the deployable entry (package.json's main) in a fresh Node process and list the
    // CommonJS modules loaded.
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      require('./' + require('./package.json').main);
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({
        firestore: loaded.filter((p) => p.includes('@google-cloud/firestore')).length,
        framework: loaded.filter((p) => p.includes('functions-framework')).length,
      }));
      process.exit(0);`;
    const output = execFileSync('node', ['--input-type=module', '-e', script], {
      cwd: projectRoot(),
      encoding: 'utf8',
    });
    expect(JSON.parse(output.trim().split('\n').at(-1)!)).toEqual({
      firestore: 0,
      framework: expect.any(Number),
    });
    expect(
      (JSON.parse(output.trim().split('\n').at(-1)!) as { framework: number }).framework,
    ).toBeGreaterThan(0);
  });
});

describe('an invalid seed', () => {
  let seedDir: string;
  beforeAll(async () => {
    seedDir = await mkdtemp(join(tmpdir(), 'bad-seed-'));
    await cp(join(projectRoot(), 'seed'), seedDir, { recursive: true });
    await writeFile(
      join(seedDir, 'concepts', 'encoder.yaml'),
      'slug: encoder\ncategory: fundamentals\nterm: { ko: 인코더, en: 42 }\nsummary: { ko: 요약 }\ndefinition: { ko: 정의 }\n',
    );
  });
  afterAll(() => rm(seedDir, { recursive: true, force: true }));

  it('fails the start, naming the file, the path inside it and the rule', async () => {
    const port = await freePort();
    const started = startBin('functions-framework', ['--target=api'], {
      PORT: String(port),
      SEED_DIR: seedDir,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 20_000);
    });
    const code = await Promise.race([started.exited, timeout]);
    clearTimeout(timer);
    await started.stop();
    expect(code).toBe(1);
    // One Cloud Logging line at CRITICAL on stdout, written before the process ended (the
    // local start's token banner before it is plain text).
    const structured = started.stdout().replace(/^[^{].*\n/gm, '');
    const fatal = jsonLines(structured).filter((entry) => entry.severity === 'CRITICAL');
    expect(fatal).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/concepts\/encoder\.yaml: term\.en: .*expected string/i),
      }),
    ]);
  }, 30_000);
});

describe('log lines at shutdown', () => {
  const PATH = '/v1/concepts/large-language-model/related?depth=2';
  // A W3C trace id per request: each request's log line names it.
  const traceId = (n: number) => `${'ab'.repeat(12)}${n.toString(16).padStart(8, '0')}`;
  const get = (url: string, n: number) =>
    request(`${url}${PATH}`, { headers: { traceparent: `00-${traceId(n)}-00f067aa0ba902b7-01` } });
  // The trace ids of the request lines for PATH on a process's stdout.
  const loggedTraces = (stdout: string) =>
    jsonLines(stdout)
      .filter((entry) => entry.httpRequest?.requestUrl === PATH.split('?')[0])
      .map((entry) => entry['logging.googleapis.com/trace'] as string);

  it('has every request line on stdout once SIGTERM has ended the process', async () => {
    const served = await startFunction({ NODE_ENV: 'production' });
    const N = 200;
    // Ten at a time: the lines of requests answered in one turn of the event loop are written together.
    for (let n = 0; n < N; n += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => get(served.url, n + i)),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    }
    served.process.child.kill('SIGTERM');
    expect(await served.process.exited).toBe(0);
    const logged = loggedTraces(served.process.stdout());
    expect(logged).toHaveLength(N);
    expect(new Set(logged)).toEqual(new Set(Array.from({ length: N }, (_, n) => traceId(n))));
  }, 30_000);

  it('has the line of every answered request when SIGTERM lands among requests in flight', async () => {
    const served = await startFunction({ NODE_ENV: 'production' });
    const answered: string[] = [];
    let sent = 0;
    // Ten clients sending back to back until the process is gone (a refused or cut request).
    const client = async () => {
      for (;;) {
        const n = sent++;
        try {
          if ((await get(served.url, n)).status === 200) answered.push(traceId(n));
        } catch {
          return;
        }
      }
    };
    const clients = Array.from({ length: 10 }, client);
    while (answered.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    served.process.child.kill('SIGTERM');
    await Promise.all(clients);
    expect(await served.process.exited).toBe(0);
    const logged = loggedTraces(served.process.stdout());
    // One line per request at most, and none missing for a request whose answer arrived (a line
    // may outnumber the answers: an answer written as the process ended may never be read).
    expect(new Set(logged).size).toBe(logged.length);
    expect(answered.filter((trace) => !logged.includes(trace))).toEqual([]);
  }, 30_000);

  // The logger as tsc built it (dist/observability), in a process of its own that ends at once.
  const runLogger = (body: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createLogger } from './dist/observability/logger.js';\n` +
          `const log = createLogger('info');\n${body}`,
      ],
      { cwd: projectRoot(), encoding: 'utf8' },
    );

  it('writes lines still waiting for the end of their turn when the process exits', () => {
    const run = runLogger(
      "for (let n = 0; n < 1000; n++) log.info({ n }, 'waiting');\nprocess.exit(3);",
    );
    expect(run.status).toBe(3);
    expect(jsonLines(run.stdout).map((entry) => entry.n)).toEqual(
      Array.from({ length: 1000 }, (_, n) => n),
    );
  });

  it('writes a fatal line at once, with the lines before it', () => {
    // SIGKILL ends the process without an exit event: only what was already written is out.
    const run = runLogger(
      "log.info('before');\nlog.fatal('cannot start');\nprocess.kill(process.pid, 'SIGKILL');",
    );
    expect(run.signal).toBe('SIGKILL');
    expect(jsonLines(run.stdout)).toEqual([
      expect.objectContaining({ severity: 'INFO', message: 'before' }),
      expect.objectContaining({ severity: 'CRITICAL', message: 'cannot start' }),
    ]);
  });
});

/** Every line of a process's stdout, parsed: each must be one JSON object. */
function jsonLines(stdout: string): Record<string, any>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, any>);
}
