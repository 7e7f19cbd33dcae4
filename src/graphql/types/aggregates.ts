import type { Location, Source } from '../../db/schema/index.js';
import {
  type KindCount,
  sourceKindBreakdown,
  topLocationsForSources,
  topSources,
} from '../../domain/aggregates.js';
import type { ClaimFilter } from '../../domain/filters.js';
import { builder } from '../builder.js';
import { offsetConnection, rowStub, windowFor } from '../paging.js';
import { edgeValue, totalCountFields } from './connection-fields.js';
import { SourceKindEnum } from './enums.js';
import { idOf } from './filters.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';
import { speakerEdgeFields } from './speaker-edge.js';

export const SourceKindCountRef = builder.objectRef<KindCount>('SourceKindCount').implement({
  description: 'Claims and distinct sources of one source kind within a scope.',
  fields: (t) => ({
    kind: t.field({ type: SourceKindEnum, resolve: (row) => row.kind as typeof SourceKindEnum.$inferType }),
    sourceCount: t.exposeInt('sourceCount', { description: 'Distinct sources of this kind.' }),
    claimCount: t.exposeInt('claimCount', { description: 'Claims by sources of this kind.' }),
  }),
});

interface ScopeArgs {
  location?: { typename: string; id: string } | null;
  includeContained?: boolean | null;
  from?: Date | null;
  to?: Date | null;
}

function scopeFilter(args: ScopeArgs): ClaimFilter {
  return {
    place: args.location
      ? { locationId: idOf(args.location, 'Location'), includeContained: args.includeContained ?? false }
      : null,
    claimedFrom: args.from ?? null,
    claimedTo: args.to ?? null,
  };
}

builder.queryFields((t) => {
  const scopeArgs = () => ({
    location: t.arg.globalID({ description: 'Only claims about this place.' }),
    includeContained: t.arg.boolean({
      defaultValue: false,
      description: 'With location: include places inside it.',
    }),
    from: t.arg({ type: 'DateTime', description: 'Only claims with claimedAt at or after this instant.' }),
    to: t.arg({ type: 'DateTime', description: 'Only claims with claimedAt before this instant.' }),
  });
  return {
    topSources: t.connection(
      {
        type: SourceRef,
        nodeNullable: true,
        description:
          'Sources ranked by claims in a scope (a place, a time window, both or neither), then by name; unresolved speakers are one edge with a null node.',
        args: scopeArgs(),
        resolve: async (_root, args, ctx) => {
          const page = await topSources(ctx.db, scopeFilter(args), windowFor(args));
          return offsetConnection(args, page, (item) => ({
            node: item.sourceId == null ? null : rowStub<Source>(item.sourceId),
            claimCount: item.claimCount,
            speakerTexts: item.speakerTexts,
          }));
        },
      },
      { name: 'TopSourceConnection', fields: totalCountFields },
      { name: 'TopSourceEdge', fields: speakerEdgeFields },
    ),
    sourceKindBreakdown: t.field({
      type: [SourceKindCountRef],
      description:
        'Claims in a scope grouped by the kind of their source, most claims first. At most one entry per SourceKind, so not paginated; unresolved speakers have no kind and are left out.',
      args: scopeArgs(),
      resolve: (_root, args, ctx) => sourceKindBreakdown(ctx.db, scopeFilter(args)),
    }),
  };
});

builder.drizzleObjectFields(SourceRef, (t) => ({
  topLocations: t.connection(
    {
      type: LocationRef,
      description: 'Places this source made claims about within a time window, most claims first.',
      args: {
        from: t.arg({
          type: 'DateTime',
          description: 'Only claims with claimedAt at or after this instant.',
        }),
        to: t.arg({ type: 'DateTime', description: 'Only claims with claimedAt before this instant.' }),
      },
      resolve: async (source, args, ctx) => {
        const window = windowFor(args);
        const from = args.from ?? null;
        const to = args.to ?? null;
        const page = await ctx.loaders
          .pages(
            `Source.topLocations:${from?.toISOString()}:${to?.toISOString()}:${JSON.stringify(window)}`,
            (ids) => topLocationsForSources(ctx.db, ids, { from, to, window }),
          )
          .load(source.id);
        return offsetConnection(args, page, (item) => ({
          node: rowStub<Location>(item.locationId),
          claimCount: item.claimCount,
        }));
      },
    },
    { name: 'SourceTopLocationConnection', fields: totalCountFields },
    {
      name: 'SourceTopLocationEdge',
      fields: (e) => ({
        claimCount: e.int({
          description: 'Claims this source made about the place in the window.',
          resolve: (edge) => edgeValue<number>(edge, 'claimCount'),
        }),
      }),
    },
  ),
}));
