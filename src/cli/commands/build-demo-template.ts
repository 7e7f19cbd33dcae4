import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { buildDemoTemplate, demoTemplatePath } from '../../demo/template.js';

export const buildDemoTemplateCommand = new Command('build-demo-template')
  .description('build the PGlite data directory a first start copies (migrations + demo pages)')
  .option('--if-stale', 'do nothing when the template for the current migrations and pages exists')
  .action(async (options: { ifStale?: boolean }) => {
    if (options.ifStale && existsSync(demoTemplatePath())) return;
    const started = performance.now();
    const path = await buildDemoTemplate();
    console.log(`wrote ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
