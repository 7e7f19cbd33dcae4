import { type Location, type Source, sources } from '../../db/schema/index.js';
import { claimCondition, sourceCondition } from '../../domain/filters.js';
import { closestSourceId } from '../../domain/search.js';
import { locationsForSources, sourceByNameQuery } from '../../domain/sources.js';
import { builder } from '../builder.js';
import { offsetConnection, rowStub, windowFor } from '../paging.js';
import { SourceKindEnum } from './enums.js';
import {
  ClaimFilterInput,
  ClaimOrderEnum,
  claimOrderBy,
  SourceFilterInput,
  SourceOrderEnum,
  sourceOrderBy,
  toClaimFilter,
  toSourceFilter,
} from './filters.js';
import { LocationRef } from './location.js';

export const SourceRef = builder.drizzleNode('sources', {
  name: 'Source',
  description: 'Someone who made claims: a person, a body, or an unnamed source within one article.',
  select: {},
  id: { column: (source) => source.id },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Canonical name, e.g. "Paul Polman" or "Pentagon".' }),
    kind: t.expose('kind', { type: SourceKindEnum }),
    affiliation: t.exposeString('affiliation', {
      nullable: true,
      description: 'Organisation or role the text gives the source.',
    }),
    description: t.exposeString('description', { nullable: true }),
    aliases: t.stringList({
      description: 'Every name this source was written as.',
      select: { with: { aliases: { columns: { alias: true } } } },
      resolve: (source) => source.aliases.map((a) => a.alias),
    }),
    claimCount: t.relatedCount('claims', { description: 'Number of claims this source made.' }),
    claims: t.relatedConnection('claims', {
      description:
        'Claims this source made matching a filter, most recently added first unless orderBy says otherwise.',
      args: {
        filter: t.arg({ type: ClaimFilterInput }),
        orderBy: t.arg({ type: ClaimOrderEnum, defaultValue: 'ADDED_DESC' }),
      },
      query: (args) => {
        const filter = toClaimFilter(args.filter);
        return {
          where: { RAW: (c) => claimCondition(c, filter) },
          orderBy: claimOrderBy[args.orderBy ?? 'ADDED_DESC'],
        };
      },
      totalCount: true,
    }),
  }),
});

// Fields whose types refer back to this one, declared after it so TypeScript can infer both.
builder.drizzleObjectFields(SourceRef, (t) => ({
  locations: t.connection(
    {
      type: LocationRef,
      description: 'Places this source made claims about, most claims first.',
      resolve: async (source, args, ctx) => {
        const window = windowFor(args);
        const page = await ctx.loaders
          .pages(`Source.locations:${JSON.stringify(window)}`, (ids) =>
            locationsForSources(ctx.db, ids, window),
          )
          .load(source.id);
        return offsetConnection(args, page, (item) => ({
          node: rowStub<Location>(item.locationId),
          claimCount: item.claimCount,
        }));
      },
    },
    {
      name: 'SourceLocationConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
    {
      name: 'SourceLocationEdge',
      fields: (e) => ({
        claimCount: e.int({
          description: 'Claims this source made about the place.',
          resolve: (edge) => (edge as unknown as { claimCount: number }).claimCount,
        }),
      }),
    },
  ),
}));

builder.queryFields((t) => ({
  source: t.drizzleField({
    type: SourceRef,
    nullable: true,
    description:
      'A source by any name it was written as; failing that, the source whose name is closest to a misspelt one (see searchSources); null when none is close.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const byName = sourceByNameQuery(args.name);
      const exact = byName ? await ctx.db.query.sources.findFirst(query(byName)) : undefined;
      if (exact) return exact;
      const id = await closestSourceId(ctx.db, args.name);
      return id == null ? null : ((await ctx.db.query.sources.findFirst(query({ where: { id } }))) ?? null);
    },
  }),
  sources: t.drizzleConnection({
    type: SourceRef,
    description: 'Sources matching a filter, by name unless orderBy says otherwise.',
    args: {
      filter: t.arg({ type: SourceFilterInput }),
      orderBy: t.arg({ type: SourceOrderEnum, defaultValue: 'NAME_ASC' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(sources, sourceCondition(sources, toSourceFilter(args.filter))),
    resolve: (query, _root, args, ctx) => {
      const filter = toSourceFilter(args.filter);
      return ctx.db.query.sources.findMany(
        query({
          where: { RAW: (t) => sourceCondition(t, filter) },
          orderBy: sourceOrderBy[args.orderBy ?? 'NAME_ASC'],
        }),
      ) as unknown as Promise<Source[]>;
    },
  }),
}));
