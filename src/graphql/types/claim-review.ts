import { type ClaimReviewJsonLd, claimReviewsForArticles } from '../../domain/claim-review.js';
import { builder } from '../builder.js';
import { offsetConnection, windowFor } from '../paging.js';
import { ArticleRef } from './article.js';

builder.drizzleObjectFields(ArticleRef, (t) => ({
  claimReview: t.connection(
    {
      type: 'JSON',
      description:
        "The article's claims as schema.org ClaimReview JSON-LD objects (claimReviewed = claim text, itemReviewed.author = the source, appearance = this article), in reading order, for fact-checking tools. Not rated: news-graph extracts claims, it does not judge them.",
      resolve: async (article, args, ctx) => {
        const all = await ctx.loaders
          .pages<ClaimReviewJsonLd>('Article.claimReview', async (ids) => {
            const byArticle = await claimReviewsForArticles(ctx.db, ids);
            return new Map([...byArticle].map(([id, items]) => [id, { items, totalCount: items.length }]));
          })
          .load(article.id);
        const { offset, limit } = windowFor(args);
        const page = { items: all.items.slice(offset, offset + limit), totalCount: all.totalCount };
        return offsetConnection(args, page, (review) => ({ node: review }));
      },
    },
    {
      name: 'ClaimReviewConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
    { name: 'ClaimReviewEdge', description: 'One claim as a ClaimReview JSON-LD object.' },
  ),
}));
