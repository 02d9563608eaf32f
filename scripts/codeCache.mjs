// Makes dist/api.cjs.v8cache, the V8 code cache the launcher (dist/index.cjs) starts the
// function from: launches the built function in this process, in production mode on the
// compiled course, serves it the requests clients send first (each must answer 200, so this is
// also the build's smoke test), then writes out everything V8 compiled on the way. Run by
// `npm run build` after the bundle and the compiled seed; the Node that runs the build must be
// the Node that runs the function (Cloud Functions builds with its runtime's), or V8 refuses
// the cache and the function starts without it (it logs a WARNING saying so).
import { createRequire } from 'node:module';

Object.assign(process.env, { NODE_ENV: 'production', LOG_LEVEL: 'silent', STORE: 'memory' });
delete process.env.SEED_DIR;

const require = createRequire(import.meta.url);
const launcher = require('../dist/index.cjs');
const { getTestServer } = require('@google-cloud/functions-framework/testing');

const graphql = (query) => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});
const WARM_UP = [
  graphql('{ concept(slug: "transformer", locale: EN) { slug term summary } }'),
  graphql(
    '{ concept(slug: "gemini") { slug term relations { kind label concept { slug term relations { kind concept { slug } } } } } }',
  ),
  graphql('{ concepts(first: 50) { edges { node { slug term category { slug } } } } }'),
  { method: 'GET', path: '/v1/concepts/gemini', headers: { 'accept-language': 'ko' } },
  { method: 'GET', path: '/v1/concepts?limit=20' },
  { method: 'GET', path: '/v1/lessons/introduction-to-llms/bundle' },
  { method: 'GET', path: '/v1/search?q=%ED%94%84%EB%A1%AC%ED%94%84%ED%8A%B8' },
  { method: 'GET', path: '/healthz' },
];

const server = getTestServer('api');
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
try {
  for (const { method, path, headers = {}, body } of WARM_UP) {
    const answer = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { 'accept-encoding': 'gzip', ...headers },
      body,
    });
    const text = await answer.text();
    if (answer.status !== 200 || text.includes('"errors"')) {
      throw new Error(`warm-up ${method} ${path} answered ${answer.status}: ${text.slice(0, 300)}`);
    }
  }
  launcher.writeCodeCache();
} finally {
  server.close();
}
// The function keeps timers (content refresh) alive; the build step is done.
process.exit(0);
