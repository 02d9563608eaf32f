// Bundles the function with esbuild into dist/api.cjs (one CommonJS file: a cold start reads one
// file instead of resolving and compiling hundreds of modules) and its launcher into
// dist/index.cjs (the package's `main`), which evaluates the bundle through a V8 code cache
// (scripts/codeCache.mjs makes it once the course is compiled). CommonJS, because Node 20 can
// only take a code cache for scripts (vm.Script), not for ES modules.
// Left outside the bundle: the functions framework and express (the framework loads them anyway,
// and our app must share its registry), and the Firestore client (loaded only when
// STORE=firestore: esbuild turns its `import()` into a `require` run on first use).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

// zod re-exports every locale's messages (`z.locales`, 340 KB) and so defeats tree shaking;
// we only ever use its English default, which zod imports from locales/en.js directly.
const englishZodMessagesOnly = {
  name: 'english-zod-messages-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/')
        ? { path: 'zod-locales', namespace: 'stub' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

// Our sources are ES modules; in CommonJS output `import.meta.url` becomes the file's own URL.
const importMetaUrl = {
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  ...importMetaUrl,
};

// Outputs of earlier layouts (an ES module bundle with split chunks) must not linger in dist/.
await rm('dist/chunks', { recursive: true, force: true });
// A cache made for the previous bundle would be refused anyway; never ship one.
await rm('dist/api.cjs.v8cache', { force: true });

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/api.cjs',
  mainFields: ['module', 'main'],
  sourcemap: true,
  // Less text to read and hash at every cold start; identifiers are kept, so stack traces in
  // the logs still name our functions.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  external: [
    '@google-cloud/functions-framework',
    '@google-cloud/firestore',
    // Loaded only when PUBSUB_TOPIC is set (src/events/createPublisher.ts).
    '@google-cloud/pubsub',
    // Packages the framework's Express has loaded already: required from node_modules they
    // cost nothing, bundled they would be second copies (mime-db alone is 230 KB of object
    // literal to evaluate). Not negotiator: compression needs its own 0.6, and an external
    // name would resolve every importer to the top-level 1.x.
    'express',
    'mime-db',
    'vary',
    'type-is',
    'fresh',
  ],
  plugins: [englishZodMessagesOnly],
});

await build({ ...common, entryPoints: ['src/launch/main.ts'], outfile: 'dist/index.cjs' });

// The launcher runs the bundle as a vm.Script, which has no loader for `import()`: a dynamic
// import left in the bundle would fail only when first reached, so refuse it here.
const bundled = await readFile('dist/api.cjs', 'utf8');
if (/\bimport\(/.test(bundled)) {
  throw new Error('dist/api.cjs contains a dynamic import(), which the launcher cannot run');
}
