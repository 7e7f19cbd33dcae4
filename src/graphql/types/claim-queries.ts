import { type Claim, claims } from '../../db/schema/index.js';
import { claimCondition } from '../../domain/filters.js';
import { builder } from '../builder.js';
import { ClaimRef } from './claim.js';
import { ClaimFilterInput, ClaimOrderEnum, claimOrderBy, toClaimFilter } from './filters.js';

builder.queryFields((t) => ({
  claims: t.drizzleConnection({
    type: ClaimRef,
    description:
      'Claims matching a filter; newest claimedAt first unless orderBy says otherwise. Cursors stay valid when claims are added.',
    args: {
      filter: t.arg({ type: ClaimFilterInput }),
      orderBy: t.arg({ type: ClaimOrderEnum, defaultValue: 'CLAIMED_DESC' }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(claims, claimCondition(claims, toClaimFilter(args.filter))),
    resolve: (query, _root, args, ctx) => {
      const filter = toClaimFilter(args.filter);
      return ctx.db.query.claims.findMany(
        query({
          where: { RAW: (t) => claimCondition(t, filter) },
          orderBy: claimOrderBy[args.orderBy ?? 'CLAIMED_DESC'],
        }),
      ) as unknown as Promise<Claim[]>;
    },
  }),
}));
