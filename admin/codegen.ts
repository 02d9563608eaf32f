import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the project root (`npm run codegen`). The console's GraphQL operations, typed from the API's own schema (GraphQL Code Generator's
// client preset). Generated before every type check and build of the console, so a schema
// change that breaks an operation fails `npm run check` and `npm run build`.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['admin/src/**/*.{ts,tsx}', '!admin/src/gql/**/*'],
  generates: {
    'admin/src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string' },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
