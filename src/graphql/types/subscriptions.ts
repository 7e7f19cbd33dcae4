import { filter } from '@graphql-yoga/subscription';
import type { Claim } from '../../db/schema/index.js';
import type { ClaimAddedEvent } from '../../events/claim-events.js';
import { builder } from '../builder.js';
import { rowStub } from '../paging.js';
import { ClaimRef } from './claim.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';

builder.subscriptionFields((t) => ({
  claimAdded: t.field({
    type: ClaimRef,
    description:
      'Each claim written to the graph from now on (by importArticle or ingestion) that is about this place; over SSE (`Accept: text/event-stream`).',
    args: {
      locationId: t.arg.globalID({ required: true, for: LocationRef, description: 'The Location to watch.' }),
      includeContained: t.arg.boolean({
        defaultValue: false,
        description: "Also claims about places inside this one (a country's cities).",
      }),
    },
    subscribe: (_root, args, ctx) => {
      const id = Number(args.locationId.id);
      const about = (e: ClaimAddedEvent) =>
        (args.includeContained ? e.withinIds : e.locationIds).includes(id);
      return filter(about)(ctx.claimEvents.subscribe());
    },
    resolve: (event: ClaimAddedEvent) => rowStub<Claim>(event.claimId),
  }),
  claimAddedBySource: t.field({
    type: ClaimRef,
    description: 'Each claim by this source written to the graph from now on; over SSE.',
    args: {
      sourceId: t.arg.globalID({ required: true, for: SourceRef, description: 'The Source to watch.' }),
    },
    subscribe: (_root, args, ctx) => {
      const id = Number(args.sourceId.id);
      return filter((e: ClaimAddedEvent) => e.sourceId === id)(ctx.claimEvents.subscribe());
    },
    resolve: (event: ClaimAddedEvent) => rowStub<Claim>(event.claimId),
  }),
}));
