import { Command } from 'commander';
import { z } from 'zod';
import { claimReviewsForUrl } from '../../domain/claim-review.js';
import { withDatabase } from '../context.js';

const optionsSchema = z.object({ article: z.string().url() });

/** Prints an article's claims as a JSON array of schema.org ClaimReview objects. */
export const exportClaimReviewCommand = new Command('export-claimreview')
  .description('print the claims of an article as schema.org ClaimReview JSON-LD')
  .requiredOption('--article <url>', 'URL of an article in the graph')
  .action(async (raw: unknown) => {
    const options = optionsSchema.parse(raw);
    const reviews = await withDatabase(({ db }) => claimReviewsForUrl(db, options.article));
    if (reviews === null) throw new Error(`no article with url ${options.article}`);
    process.stdout.write(`${JSON.stringify(reviews, null, 2)}\n`);
  });
