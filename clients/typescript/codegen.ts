import type { CodegenConfig } from '@graphql-codegen/cli';

// Run from the project root (`npm run codegen`). The client's GraphQL operations
// (src/operations/*.graphql), typed from the API's own schema by GraphQL Code Generator's client
// preset, like the admin console's: generated before every type check and build, so a schema
// change that breaks an operation fails `npm run check`.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['clients/typescript/src/operations/*.graphql'],
  generates: {
    'clients/typescript/src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        documentMode: 'string',
        // NodeNext resolution: relative imports need their extension.
        emitLegacyCommonJSImports: false,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
