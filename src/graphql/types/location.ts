import { type Claim, type Location, locations, type Source } from '../../db/schema/index.js';
import { locationCondition } from '../../domain/filters.js';
import { rankedSpeakersPage, rankedSpeakersSelection } from '../../domain/location-speaker-counts.js';
import {
  claimsForLocations,
  type LocationClaimsOptions,
  locationByNameQuery,
  sourcesForLocations,
} from '../../domain/locations.js';
import { closestLocationId } from '../../domain/search.js';
import { builder } from '../builder.js';
import { type ConnectionArgs, offsetConnection, rowStub, windowFor } from '../paging.js';
import { ClaimRef } from './claim.js';
import { LocationKindEnum } from './enums.js';
import {
  type ClaimFilterArg,
  ClaimFilterInput,
  LocationFilterInput,
  LocationOrderEnum,
  locationOrderBy,
  toClaimFilter,
  toLocationFilter,
} from './filters.js';
import { SourceRef } from './source.js';
import { speakerEdgeFields } from './speaker-edge.js';

export const LocationRef = builder.drizzleNode('locations', {
  name: 'Location',
  description: 'A real place, resolved against GeoNames, with the places that contain it.',
  id: { column: (location) => location.id },
  // Only the columns a query asks for (each exposed field adds its own).
  select: {},
  fields: (t) => ({
    name: t.exposeString('name', { description: 'English common name, e.g. "Raqqa".' }),
    kind: t.expose('kind', { type: LocationKindEnum }),
    countryCode: t.exposeString('countryCode', { nullable: true, description: 'ISO 3166-1 alpha-2.' }),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    population: t.exposeInt('population', { nullable: true }),
    geonameId: t.exposeInt('geonameId', {
      nullable: true,
      description: 'GeoNames id for cities (regions and countries are keyed by code).',
    }),
    aliases: t.stringList({
      description: 'Spellings this place is known by (GeoNames alternate names and text as written).',
      select: { with: { aliases: { columns: { alias: true } } } },
      resolve: (location) => location.aliases.map((a) => a.alias),
    }),
    parent: t.relation('parent', { nullable: true, description: 'The place directly containing this one.' }),
    children: t.relatedConnection('children', {
      description: 'Places directly inside this one that are in the graph.',
      query: { orderBy: { name: 'asc' } },
      totalCount: true,
    }),
  }),
});

/** Scope, page and filter of Location.sources/claims; equal options share one loader (one statement). */
export function locationClaimsOptions(
  args: ConnectionArgs & { includeContained?: boolean | null; filter?: ClaimFilterArg | null },
): LocationClaimsOptions {
  return {
    includeContained: args.includeContained ?? false,
    window: windowFor(args),
    filter: toClaimFilter(args.filter),
  };
}

// Fields whose types refer back to this one, declared after it so TypeScript can infer both.
builder.drizzleObjectFields(LocationRef, (t) => ({
  sources: t.connection(
    {
      type: SourceRef,
      nodeNullable: true,
      description:
        'Sources that made claims about this place, most claims first, then by name. Claims whose speaker could not be resolved are one edge with a null node.',
      args: {
        includeContained: t.arg.boolean({
          defaultValue: false,
          description:
            'Also count claims about places inside this one (a province\'s cities); a city also covers the region named after it ("Deir al-Zor").',
        }),
        filter: t.arg({ type: ClaimFilterInput, description: 'Count only claims matching this too.' }),
      },
      // Unfiltered, the ranking and its source rows are planned into the query that loads the
      // place (the kept counts): `location(name:) { sources }` is one statement.
      select: (args, _ctx, nestedSelection) => {
        const options = locationClaimsOptions(args);
        // The same test as the resolver's: an empty filter object counts as no filter.
        if (options.filter) return {};
        return rankedSpeakersSelection(options, nestedSelection(true, ['edges', 'node'], 'Source')) as {};
      },
      resolve: async (location, args, ctx) => {
        const options = locationClaimsOptions(args);
        if (!options.filter) {
          return offsetConnection(args, rankedSpeakersPage<Source>(location, options), (item) => ({
            node: item.sourceId == null ? null : (item.source ?? rowStub<Source>(item.sourceId)),
            claimCount: item.claimCount,
            speakerTexts: item.speakerTexts,
          }));
        }
        const page = await ctx.loaders
          .pages(`Location.sources:${JSON.stringify(options)}`, (ids) =>
            sourcesForLocations(ctx.db, ids, options),
          )
          .load(location.id);
        return offsetConnection(args, page, (item) => ({
          node: item.sourceId == null ? null : rowStub<Source>(item.sourceId),
          claimCount: item.claimCount,
          speakerTexts: item.speakerTexts,
        }));
      },
    },
    {
      name: 'LocationSourceConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
    { name: 'LocationSourceEdge', fields: speakerEdgeFields },
  ),
  claims: t.connection(
    {
      type: ClaimRef,
      description: 'Claims about this place, newest first.',
      args: {
        includeContained: t.arg.boolean({
          defaultValue: false,
          description: 'Also include claims about places inside this one.',
        }),
        filter: t.arg({ type: ClaimFilterInput, description: 'Only claims matching this too.' }),
      },
      resolve: async (location, args, ctx) => {
        const options = locationClaimsOptions(args);
        const page = await ctx.loaders
          .pages(`Location.claims:${JSON.stringify(options)}`, (ids) =>
            claimsForLocations(ctx.db, ids, options),
          )
          .load(location.id);
        return offsetConnection(args, page, (item) => ({
          node: rowStub<Claim>(item.claimId),
        }));
      },
    },
    {
      name: 'LocationClaimConnection',
      fields: (c) => ({
        totalCount: c.int({ resolve: (conn) => (conn as { totalCount: number }).totalCount }),
      }),
    },
  ),
}));

// Declared apart: a field whose type is LocationRef cannot sit inside LocationRef's own initializer.
builder.drizzleObjectField(LocationRef, 'ancestors', (t) =>
  t.field({
    type: [LocationRef],
    description: 'Containment chain, nearest first: city -> region -> country.',
    select: {
      with: {
        ancestorLinks: {
          where: { depth: { gt: 0 } },
          orderBy: { depth: 'asc' },
          with: { ancestor: true },
        },
      },
    },
    resolve: (location) => location.ancestorLinks.map((link) => link.ancestor),
  }),
);

builder.queryFields((t) => ({
  location: t.drizzleField({
    type: LocationRef,
    nullable: true,
    description:
      'A place by any spelling ("Raqa", "Ar-Raqqah", "Deir al-Zor Province"); failing that, the place whose stored spelling is closest to a misspelt name (see searchLocations); null when none is close.',
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const byName = locationByNameQuery(ctx.gazetteer, args.name);
      const exact = byName ? await ctx.db.query.locations.findFirst(query(byName)) : undefined;
      if (exact) return exact;
      const id = await closestLocationId(ctx.db, args.name);
      return id == null ? null : ((await ctx.db.query.locations.findFirst(query({ where: { id } }))) ?? null);
    },
  }),
  locations: t.drizzleConnection({
    type: LocationRef,
    description: 'Places in the graph matching a filter, by name unless orderBy says otherwise.',
    args: {
      filter: t.arg({ type: LocationFilterInput }),
      orderBy: t.arg({ type: LocationOrderEnum, defaultValue: 'NAME_ASC' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(locations, locationCondition(locations, toLocationFilter(args.filter))),
    resolve: (query, _root, args, ctx) => {
      const filter = toLocationFilter(args.filter);
      return ctx.db.query.locations.findMany(
        query({
          where: { RAW: (t) => locationCondition(t, filter) },
          orderBy: locationOrderBy[args.orderBy ?? 'NAME_ASC'],
        }),
      ) as unknown as Promise<Location[]>;
    },
  }),
}));
