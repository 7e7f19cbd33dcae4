import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { writeIndexCache } from '../../geo/build-index.js';
import { DEFAULT_CACHE_PATH } from '../../geo/gazetteer.js';

export const buildGazetteerCommand = new Command('build-gazetteer')
  .description('build the place index from the GeoNames npm data (otherwise built on first use)')
  .option('--if-missing', 'do nothing when the index is already built (npm install runs this)')
  .action((options: { ifMissing?: boolean }) => {
    if (options.ifMissing && existsSync(DEFAULT_CACHE_PATH)) return;
    const started = performance.now();
    const bytes = writeIndexCache(DEFAULT_CACHE_PATH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`wrote ${DEFAULT_CACHE_PATH} (${(bytes.length / 1e6).toFixed(1)} MB) in ${seconds} s`);
  });
