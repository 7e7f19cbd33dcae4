import type { CodegenConfig } from '@graphql-codegen/cli';

// Generated from the committed SDL (printed from the Pothos schema by `npm run schema:print`),
// so codegen needs no server and no database.
const config: CodegenConfig = {
  schema: './schema/schema.graphql',
  documents: ['src/client/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    './src/client/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', URL: 'string' },
      },
    },
  },
};

export default config;
