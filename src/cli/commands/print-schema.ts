import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../../graphql/schema.js';

export const schemaPath = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

/** The SDL as committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const printSchemaCommand = new Command('print-schema')
  .description('write the sorted GraphQL SDL to schema/schema.graphql')
  .option('--stdout', 'print instead of writing the file')
  .action((options: { stdout?: boolean }) => {
    if (options.stdout) process.stdout.write(printedSchema());
    else {
      writeFileSync(schemaPath, printedSchema());
      console.log(`wrote ${schemaPath}`);
    }
  });
