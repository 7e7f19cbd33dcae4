import type { CodegenConfig } from '@graphql-codegen/cli';

// Generated from the committed SDL (printed from the Pothos schema by `npm run schema:print`),
// so codegen needs no server and no database.
// CODEGEN_OUT lets the drift test generate elsewhere and compare with the committed output.
const out = process.env.CODEGEN_OUT ?? './src/client/gql/';

const config: CodegenConfig = {
  schema: './schema/schema.graphql',
  documents: ['src/client/operations/**/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
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
