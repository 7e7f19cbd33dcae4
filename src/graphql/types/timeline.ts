import {
  type TimelineBucket,
  timeline,
  timelinesForLocations,
  timelinesForSources,
} from '../../domain/timeline.js';
import { builder } from '../builder.js';
import { offsetConnection, windowFor } from '../paging.js';
import { totalCountFields } from './connection-fields.js';
import { idOf } from './filters.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';

export const TimelineIntervalEnum = builder.enumType('TimelineInterval', {
  description: 'Bucket width of a timeline (UTC; weeks start on Monday).',
  values: {
    DAY: { description: 'One bucket per calendar day.' },
    WEEK: { description: 'One bucket per ISO week, starting Monday.' },
    MONTH: { description: 'One bucket per calendar month.' },
  } as const,
});

export const TimelineBucketRef = builder.objectRef<TimelineBucket>('TimelineBucket').implement({
  description: 'Number of claims whose claimedAt falls in one interval.',
  fields: (t) => ({
    start: t.field({
      type: 'DateTime',
      description: 'Start of the interval (UTC).',
      resolve: (b) => b.start,
    }),
    count: t.exposeInt('count', { description: 'Claims in the interval.' }),
  }),
});

// One connection type shared by the root, Location and Source timelines.
const TimelineConnectionRef = builder.connectionObject(
  { type: TimelineBucketRef, name: 'TimelineConnection', fields: totalCountFields },
  { name: 'TimelineEdge' },
);
const BUCKETS_DESCRIPTION = 'Claim counts per interval, oldest first; claims without a date are left out.';

builder.queryFields((t) => ({
  timeline: t.connection(
    {
      type: TimelineBucketRef,
      description: `${BUCKETS_DESCRIPTION} Scoped by any of place, source and full-text search.`,
      args: {
        interval: t.arg({ type: TimelineIntervalEnum, required: true }),
        location: t.arg.globalID({ description: 'Only claims about this place.' }),
        includeContained: t.arg.boolean({
          defaultValue: false,
          description: 'With location: include places inside it.',
        }),
        source: t.arg.globalID({ description: 'Only claims by this source.' }),
        search: t.arg.string({ description: 'Only claims whose text matches this full-text query.' }),
      },
      resolve: async (_root, args, ctx) => {
        const filter = {
          place: args.location
            ? {
                locationId: idOf(args.location, 'Location'),
                includeContained: args.includeContained ?? false,
              }
            : null,
          sourceIds: args.source ? [idOf(args.source, 'Source')] : null,
          text: args.search ?? null,
        };
        const page = await timeline(ctx.db, filter, args.interval, windowFor(args));
        return offsetConnection(args, page, (bucket) => ({ node: bucket }));
      },
    },
    TimelineConnectionRef,
  ),
}));

builder.drizzleObjectFields(LocationRef, (t) => ({
  timeline: t.connection(
    {
      type: TimelineBucketRef,
      description: `${BUCKETS_DESCRIPTION} Claims about this place.`,
      args: {
        interval: t.arg({ type: TimelineIntervalEnum, required: true }),
        includeContained: t.arg.boolean({
          defaultValue: false,
          description: 'Also claims about places inside this one.',
        }),
      },
      resolve: async (location, args, ctx) => {
        const window = windowFor(args);
        const includeContained = args.includeContained ?? false;
        const page = await ctx.loaders
          .pages(`Location.timeline:${args.interval}:${includeContained}:${JSON.stringify(window)}`, (ids) =>
            timelinesForLocations(ctx.db, ids, { includeContained, interval: args.interval, window }),
          )
          .load(location.id);
        return offsetConnection(args, page, (bucket) => ({ node: bucket }));
      },
    },
    TimelineConnectionRef,
  ),
}));

builder.drizzleObjectFields(SourceRef, (t) => ({
  timeline: t.connection(
    {
      type: TimelineBucketRef,
      description: `${BUCKETS_DESCRIPTION} Claims this source made.`,
      args: { interval: t.arg({ type: TimelineIntervalEnum, required: true }) },
      resolve: async (source, args, ctx) => {
        const window = windowFor(args);
        const page = await ctx.loaders
          .pages(`Source.timeline:${args.interval}:${JSON.stringify(window)}`, (ids) =>
            timelinesForSources(ctx.db, ids, { interval: args.interval, window }),
          )
          .load(source.id);
        return offsetConnection(args, page, (bucket) => ({ node: bucket }));
      },
    },
    TimelineConnectionRef,
  ),
}));
