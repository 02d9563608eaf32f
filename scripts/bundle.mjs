// Bundles the function's entry (dist/index.js) into one ES module with esbuild: a cold start
// then reads a few files instead of resolving and compiling hundreds of modules. Left outside:
// the functions framework and express (the framework loads them anyway, and our app must share
// its registry), and the Firestore client (loaded only when STORE=firestore).
import { build } from 'esbuild';

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

await build({
  entryPoints: ['src/index.ts'],
  outdir: 'dist',
  // Modules imported dynamically (the Firestore adapter, the seed parsers) become chunks loaded
  // on first use, so the memory default never loads what only Firestore or an import needs.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  sourcemap: true,
  // Less text for V8 to compile at every cold start (~15 ms here); identifiers are kept, so
  // stack traces in the logs still name our functions.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  external: [
    '@google-cloud/functions-framework',
    '@google-cloud/firestore',
    // Small CommonJS packages whose dependencies (mime-db, negotiator…) the framework has
    // already loaded: required from node_modules they cost almost nothing, bundled they would
    // bring second copies (mime-db alone is 230 KB of object literal to compile).
    'express',
    'compression',
    'cors',
    'negotiator',
    'vary',
    'type-is',
  ],
  // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [englishZodMessagesOnly],
  logLevel: 'warning',
});
