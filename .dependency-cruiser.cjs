// The import rules of src/ (docs/architecture.md explains the layers). `npm run check` runs
// them (`npm run layers`); CI fails on any violation. Type-only imports count: a face that
// knows its host's types is coupled to it all the same.

// Everything that answers requests or composes the process: nothing below may import these.
const FACES_AND_HOST = '^src/(http|graphql|rest|app\\.ts|index\\.ts|runtime\\.ts|launch|cli)';
// The read side: the read model and what is built from it.
const READERS = '^src/(content|search|present|sync|delivery)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle makes two modules one: neither can be read or changed alone.',
      severity: 'error',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'The domain (schemas, ids, locales) is the core: it depends on libraries only.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src', pathNot: '^src/domain' },
    },
    {
      name: 'structures-import-nothing-of-ours',
      comment:
        'Data structures (the overlay map) serve the read model and search alike: they know no content.',
      severity: 'error',
      from: { path: '^src/structures' },
      to: { path: '^src', pathNot: '^src/structures' },
    },
    {
      name: 'kernel-stays-below',
      comment:
        'Errors, paths and logging are used everywhere, so they may use only the domain and each other.',
      severity: 'error',
      from: { path: '^src/(errors\\.ts|paths\\.ts|observability)' },
      to: { path: '^src', pathNot: '^src/(domain|errors\\.ts|paths\\.ts|observability)' },
    },
    {
      name: 'auth-knows-no-config',
      comment: 'Tokens and viewers are below the configuration that parses them.',
      severity: 'error',
      from: { path: '^src/auth' },
      to: { path: '^src', pathNot: '^src/(auth|domain|errors\\.ts|observability)' },
    },
    {
      name: 'store-knows-no-reader',
      comment: 'The store persists documents; the read model, search and faces are built on it.',
      severity: 'error',
      from: { path: '^src/store' },
      to: { path: `${READERS}|^src/(editing|seed|markdown|translation)|${FACES_AND_HOST}` },
    },
    {
      name: 'content-below-the-faces',
      comment:
        'Content, markdown, seeding, editing and translation files know nothing of HTTP, GraphQL, REST or the entry.',
      severity: 'error',
      from: { path: `${READERS}|^src/(markdown|seed|editing|translation|store|auth|config\\.ts)` },
      to: { path: FACES_AND_HOST },
    },
    {
      name: 'search-below-the-read-model',
      comment: 'The read model composes the search index; search knows the domain, not the model.',
      severity: 'error',
      from: { path: '^src/search' },
      to: { path: '^src/(content|present|sync|delivery|editing|translation)' },
    },
    {
      name: 'editing-knows-no-file-format',
      comment:
        'Translation files (XLIFF) are built on the editing functions; editing and the read side know no file format.',
      severity: 'error',
      from: { path: `${READERS}|^src/(editing|markdown|seed)` },
      to: { path: '^src/translation' },
    },
    {
      name: 'webhooks-stand-on-the-store',
      comment:
        'Webhooks deliver change events: they know the domain, the store port, errors and logging; no face, no reader.',
      severity: 'error',
      from: { path: '^src/webhooks' },
      to: { path: '^src', pathNot: '^src/(domain|store|errors\\.ts|observability|webhooks)' },
    },
    {
      name: 'http-serves-every-face',
      comment: 'The shared HTTP layer is below both faces: it may not know either, or the entry.',
      severity: 'error',
      from: { path: '^src/http' },
      to: { path: '^src/(graphql|rest|app\\.ts|index\\.ts|launch|cli)' },
    },
    {
      name: 'faces-are-independent',
      comment: 'Two faces over one read model: neither imports the other, nor the entry.',
      severity: 'error',
      // $1 is the face the import comes from: it may import itself, not the other one.
      from: { path: '^src/(rest|graphql)/' },
      to: {
        path: '^src/(rest|graphql|app\\.ts|index\\.ts|launch|cli)',
        pathNot: '^src/$1/',
      },
    },
    {
      name: 'events-know-ports-only',
      comment:
        'The relay, the Pub/Sub publisher, the event feed and the event targets work through ports (store, publisher, dispatcher) and check permissions: the entry wires the implementations.',
      severity: 'error',
      from: { path: '^src/events' },
      to: {
        path: '^src',
        pathNot:
          '^src/(events|domain|auth|errors\\.ts|environment\\.ts|observability|store/contentStore\\.ts|webhooks/webhookService\\.ts)',
      },
    },
    {
      name: 'nothing-imports-the-entries',
      comment: 'The entry, the launcher and the CLIs are roots: nothing of ours imports them.',
      severity: 'error',
      from: { path: '^src', pathNot: '^src/(index\\.ts|launch|cli)' },
      to: { path: '^src/(index\\.ts|launch|cli)' },
    },
    {
      name: 'contracts-are-a-tool',
      comment:
        'The breaking-change check (and its diff libraries, dev dependencies) is for the CLI and the tests, never the function.',
      severity: 'error',
      from: { path: '^src', pathNot: '^src/(contracts|cli)' },
      to: { path: '^src/contracts' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
