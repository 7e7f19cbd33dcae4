import { type Article, articles, type Location, type Source } from '../../db/schema/index.js';
import { articleCondition, claimCondition } from '../../domain/filters.js';
import { locationsForArticles, sourcesForArticles } from '../../domain/sources.js';
import { builder } from '../builder.js';
import { offsetConnection, rowStub, windowFor } from '../paging.js';
import {
  ArticleFilterInput,
  ArticleOrderEnum,
  articleOrderBy,
  ClaimFilterInput,
  toArticleFilter,
  toClaimFilter,
} from './filters.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';
import { speakerEdgeFields } from './speaker-edge.js';

export const ArticleRef = builder.drizzleNode('articles', {
  name: 'Article',
  description: 'A news page, with the claims made in it.',
  // Only the columns the asked fields read (the primary key always comes along).
  select: {},
  id: { column: (article) => article.id },
  fields: (t) => ({
    url: t.expose('url', { type: 'URL' }),
    title: t.exposeString('title', { nullable: true }),
    body: t.exposeString('body', {
      description: 'The stored text that claim and mention offsets index into.',
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    pageDate: t.expose('pageDate', {
      type: 'DateTime',
      nullable: true,
      description: 'Date a site banner showed when the page was scraped; not the publication date.',
    }),
    outlet: t.exposeString('outlet', { nullable: true }),
    claims: t.relatedConnection('claims', {
      description: 'Claims in reading order, optionally filtered.',
      args: { filter: t.arg({ type: ClaimFilterInput }) },
      query: (args) => {
        const filter = toClaimFilter(args.filter);
        return { where: { RAW: (c) => claimCondition(c, filter) }, orderBy: { position: 'asc' } };
      },
      totalCount: true,
    }),
    relatedLinks: t.relatedConnection('relatedLinks', {
      description: 'Related-story lines of the page, in page order.',
      query: { orderBy: { position: 'asc' } },
      totalCount: true,
    }),
    sources: t.connection(
      {
        type: SourceRef,
        nodeNullable: true,
        description:
          'Speakers in this article, most claims first; unresolved speakers are one edge with a null node.',
        resolve: async (article, args, ctx) => {
          const window = windowFor(args);
          const page = await ctx.loaders
            .pages(`Article.sources:${JSON.stringify(window)}`, (ids) =>
              sourcesForArticles(ctx.db, ids, window),
            )
            .load(article.id);
          return offsetConnection(args, page, (item) => ({
            node: item.sourceId == null ? null : rowStub<Source>(item.sourceId),
            claimCount: item.claimCount,
            speakerTexts: item.speakerTexts,
          }));
        },
      },
      {
        name: 'ArticleSourceConnection',
        fields: (c) => ({
          totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
        }),
      },
      { name: 'ArticleSourceEdge', fields: speakerEdgeFields },
    ),
    locations: t.connection(
      {
        type: LocationRef,
        description: 'Places the claims in this article are about, most claims first.',
        resolve: async (article, args, ctx) => {
          const window = windowFor(args);
          const page = await ctx.loaders
            .pages(`Article.locations:${JSON.stringify(window)}`, (ids) =>
              locationsForArticles(ctx.db, ids, window),
            )
            .load(article.id);
          return offsetConnection(args, page, (item) => ({
            node: rowStub<Location>(item.locationId),
            claimCount: item.claimCount,
          }));
        },
      },
      {
        name: 'ArticleLocationConnection',
        fields: (c) => ({
          totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
        }),
      },
      {
        name: 'ArticleLocationEdge',
        fields: (e) => ({
          claimCount: e.int({
            description: 'Claims in this article about the place.',
            resolve: (edge) => (edge as unknown as { claimCount: number }).claimCount,
          }),
        }),
      },
    ),
  }),
});

builder.queryFields((t) => ({
  article: t.drizzleField({
    type: ArticleRef,
    nullable: true,
    description: 'An article by its URL; null when it is not in the graph.',
    args: { url: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      (await ctx.db.query.articles.findFirst(query({ where: { url: args.url } }))) ?? null,
  }),
  articles: t.drizzleConnection({
    type: ArticleRef,
    description: 'Articles matching a filter, most recently added first unless orderBy says otherwise.',
    args: {
      filter: t.arg({ type: ArticleFilterInput }),
      orderBy: t.arg({ type: ArticleOrderEnum, defaultValue: 'ADDED_DESC' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(articles, articleCondition(articles, toArticleFilter(args.filter))),
    resolve: (query, _root, args, ctx) => {
      const filter = toArticleFilter(args.filter);
      return ctx.db.query.articles.findMany(
        query({
          where: { RAW: (t) => articleCondition(t, filter) },
          orderBy: articleOrderBy[args.orderBy ?? 'ADDED_DESC'],
        }),
      ) as unknown as Promise<Article[]>;
    },
  }),
}));
