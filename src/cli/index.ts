#!/usr/bin/env -S npx tsx
import { Command } from 'commander';
import { buildDemoTemplateCommand } from './commands/build-demo-template.js';
import { buildGazetteerCommand } from './commands/build-gazetteer.js';
import { evalCommand } from './commands/eval.js';
import { exportClaimReviewCommand } from './commands/export-claimreview.js';
import { generateCommand } from './commands/generate.js';
import { importCommand } from './commands/import.js';
import { ingestCommand } from './commands/ingest.js';
import { printSchemaCommand } from './commands/print-schema.js';
import { tokenCommand } from './commands/token.js';

const program = new Command('news-graph').description('news-graph command line');
program.addCommand(ingestCommand);
program.addCommand(importCommand);
program.addCommand(evalCommand);
program.addCommand(printSchemaCommand);
program.addCommand(buildGazetteerCommand);
program.addCommand(buildDemoTemplateCommand);
program.addCommand(exportClaimReviewCommand);
program.addCommand(tokenCommand);
program.addCommand(generateCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // One place for unexpected failures: a message, not a stack dump, and a failing exit code.
  console.error(`news-graph: ${(error as Error).message}`);
  process.exitCode = 1;
}
