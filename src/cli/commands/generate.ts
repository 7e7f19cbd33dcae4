import { Command } from 'commander';
import { z } from 'zod';
import { loadNewsCities } from '../../dataset/city-pool.js';
import { generateDataset } from '../../dataset/generate.js';
import { writeDataset } from '../../dataset/write.js';
import { withDatabase } from '../context.js';

const optionsSchema = z.object({
  claims: z.coerce.number().int().min(1).max(50_000_000),
  seed: z.coerce.number().int().min(0),
  batch: z.coerce.number().int().min(1).max(50_000),
});

export const generateCommand = new Command('generate')
  .description(
    'write a deterministic synthetic dataset (articles, claims, sources, real places) into the configured database',
  )
  .option('--claims <n>', 'number of claims to generate', '10000')
  .option('--seed <n>', 'random seed; the same seed gives the same rows', '42')
  .option('--batch <n>', 'articles per transaction', '2000')
  .action(async (raw: unknown) => {
    const options = optionsSchema.parse(raw);
    const stats = await withDatabase(async ({ db, gazetteer }) => {
      const dataset = generateDataset(options, loadNewsCities(), (p) => gazetteer.ancestors(p));
      let last = 0;
      return writeDataset(db, dataset, {
        articlesPerBatch: options.batch,
        onProgress: (n) => {
          if (n - last < 100_000) return;
          last = n;
          console.log(`  ${n} claims written`);
        },
      });
    });
    const perSecond = Math.round((stats.claims / stats.ms) * 1000);
    console.log(
      `generated ${stats.articles} articles, ${stats.claims} claims, ${stats.sources} sources, ${stats.locations} locations in ${(stats.ms / 1000).toFixed(1)} s (${perSecond} claims/s)`,
    );
  });
