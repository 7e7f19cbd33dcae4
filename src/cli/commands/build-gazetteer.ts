import { Command } from 'commander';
import { DEFAULT_CACHE_PATH } from '../../geo/gazetteer.js';
import { writeIndexCache } from '../../geo/build-index.js';

export const buildGazetteerCommand = new Command('build-gazetteer')
  .description('build the place index from the GeoNames npm data (otherwise built on first use)')
  .action(() => {
    const started = performance.now();
    const bytes = writeIndexCache(DEFAULT_CACHE_PATH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`wrote ${DEFAULT_CACHE_PATH} (${(bytes.length / 1e6).toFixed(1)} MB) in ${seconds} s`);
  });
