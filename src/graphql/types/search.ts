import type { Article, Claim, Location, Source } from '../../db/schema/index.js';
import {
  searchArticles,
  searchClaims,
  searchLocationsByName,
  searchSourcesByName,
} from '../../domain/search.js';
import { builder } from '../builder.js';
import { offsetConnection, rowStub, windowFor } from '../paging.js';
import { ArticleRef } from './article.js';
import { ClaimRef } from './claim.js';
import { edgeValue, type ObjectFieldBuilder, pageOrError, totalCountFields } from './connection-fields.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';

function textEdgeFields(e: ObjectFieldBuilder) {
  return {
    rank: e.float({
      description: 'ts_rank of the match; higher is better (title words weigh more for articles).',
      resolve: (edge) => edgeValue<number>(edge, 'rank'),
    }),
    snippet: e.string({
      description: 'Excerpt around the matches, each match between « and »; plain text, not HTML-escaped.',
      resolve: (edge) => edgeValue<string>(edge, 'snippet'),
    }),
  };
}

function nameEdgeFields(e: ObjectFieldBuilder) {
  return {
    similarity: e.float({
      description: 'Trigram similarity (0..1) of the closest spelling to the name asked for.',
      resolve: (edge) => edgeValue<number>(edge, 'similarity'),
    }),
  };
}

const QUERY_DESCRIPTION = 'Web-search syntax: words, "a phrase", -excluded, or.';
const NAME_DESCRIPTION =
  'A name as typed, with typos or another transliteration ("Deir Ezzor", "Al-Arabyia").';

builder.queryFields((t) => ({
  searchArticles: t.connection(
    {
      type: ArticleRef,
      description: 'Full-text search over article titles and bodies, best match first.',
      args: { query: t.arg.string({ required: true, description: QUERY_DESCRIPTION }) },
      resolve: async (_root, args, ctx) => {
        const page = await pageOrError(() => searchArticles(ctx.db, args.query, windowFor(args)));
        return offsetConnection(args, page, (hit) => ({
          node: rowStub<Article>(hit.id),
          rank: hit.rank,
          snippet: hit.snippet,
        }));
      },
    },
    { name: 'ArticleSearchConnection', fields: totalCountFields },
    { name: 'ArticleSearchEdge', fields: textEdgeFields },
  ),
  searchClaims: t.connection(
    {
      type: ClaimRef,
      description: 'Full-text search over claim texts, best match first.',
      args: { query: t.arg.string({ required: true, description: QUERY_DESCRIPTION }) },
      resolve: async (_root, args, ctx) => {
        const page = await pageOrError(() => searchClaims(ctx.db, args.query, windowFor(args)));
        return offsetConnection(args, page, (hit) => ({
          node: rowStub<Claim>(hit.id),
          rank: hit.rank,
          snippet: hit.snippet,
        }));
      },
    },
    { name: 'ClaimSearchConnection', fields: totalCountFields },
    { name: 'ClaimSearchEdge', fields: textEdgeFields },
  ),
  searchSources: t.connection(
    {
      type: SourceRef,
      description: 'Sources whose names (any spelling seen) resemble a name, most similar first.',
      args: { name: t.arg.string({ required: true, description: NAME_DESCRIPTION }) },
      resolve: async (_root, args, ctx) => {
        const page = await pageOrError(() => searchSourcesByName(ctx.db, args.name, windowFor(args)));
        return offsetConnection(args, page, (hit) => ({
          node: rowStub<Source>(hit.id),
          similarity: hit.similarity,
        }));
      },
    },
    { name: 'SourceNameMatchConnection', fields: totalCountFields },
    { name: 'SourceNameMatchEdge', fields: nameEdgeFields },
  ),
  searchLocations: t.connection(
    {
      type: LocationRef,
      description: 'Places in the graph whose spellings resemble a name, most similar first.',
      args: { name: t.arg.string({ required: true, description: NAME_DESCRIPTION }) },
      resolve: async (_root, args, ctx) => {
        const page = await pageOrError(() => searchLocationsByName(ctx.db, args.name, windowFor(args)));
        return offsetConnection(args, page, (hit) => ({
          node: rowStub<Location>(hit.id),
          similarity: hit.similarity,
        }));
      },
    },
    { name: 'LocationNameMatchConnection', fields: totalCountFields },
    { name: 'LocationNameMatchEdge', fields: nameEdgeFields },
  ),
}));
