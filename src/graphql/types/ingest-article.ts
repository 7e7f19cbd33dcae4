import { ingestPage } from '../../ingest/persist.js';
import { builder } from '../builder.js';
import { toGraphQLError } from '../errors.js';
import { ArticleRef } from './article.js';
import { SaveStatusEnum } from './import-article.js';

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  description: 'A raw news page, as scraped: plain text or HTML (exactly one).',
  fields: (t) => ({
    url: t.field({ type: 'URL', required: true }),
    text: t.string({ description: 'The page as plain text.' }),
    html: t.string({ description: 'The page as HTML; scripts, styles and navigation are dropped.' }),
    title: t.string({ description: 'Title, when known better than the page shows.' }),
    publishedAt: t.string({
      description: 'ISO 8601 publication date, when known better than the page shows.',
    }),
    outlet: t.string(),
  }),
});

interface IngestPayloadShape {
  articleId: number;
  status: 'CREATED' | 'UPDATED' | 'UNCHANGED';
  claimCount: number;
  sourceCount: number;
  locationCount: number;
  warnings: string[];
}

const IngestArticlePayload = builder.objectRef<IngestPayloadShape>('IngestArticlePayload').implement({
  description: 'What ingesting a page produced.',
  fields: (t) => ({
    status: t.field({ type: SaveStatusEnum, resolve: (p) => p.status }),
    claimCount: t.exposeInt('claimCount', { description: 'Claims found on the page.' }),
    sourceCount: t.exposeInt('sourceCount', { description: 'Distinct speakers (0 when UNCHANGED).' }),
    locationCount: t.exposeInt('locationCount', {
      description: 'Distinct places claims are about (0 when UNCHANGED).',
    }),
    warnings: t.exposeStringList('warnings', { description: 'Things a person may want to check.' }),
    article: t.drizzleField({
      type: ArticleRef,
      resolve: async (query, p, _args, ctx) =>
        (await ctx.db.query.articles.findFirst(query({ where: { id: p.articleId } })))!,
    }),
  }),
});

builder.mutationField('ingestArticle', (t) =>
  t.field({
    type: IngestArticlePayload,
    description:
      'Extracts claims, speakers and places from a raw page and writes them in one transaction. Idempotent by URL and content: the same page is UNCHANGED, a changed page replaces its claims. Empty, binary, oversized or malformed input is rejected with code BAD_USER_INPUT and nothing is written.',
    args: { input: t.arg({ type: IngestArticleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        const result = await ingestPage(ctx.db, ctx.gazetteer, {
          url: input.url.toString(),
          text: input.text ?? undefined,
          html: input.html ?? undefined,
          title: input.title,
          publishedAt: input.publishedAt,
          outlet: input.outlet,
        });
        if (result.status !== 'UNCHANGED') await ctx.claimEvents.publishClaimsAdded(result.articleId);
        return result;
      } catch (error) {
        return toGraphQLError(error);
      }
    },
  }),
);
