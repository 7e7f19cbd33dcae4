import type { Claim, Location, Source } from '../../db/schema/index.js';
import {
  type Circle,
  claimsNear,
  locationsInBox,
  locationsNear,
  sourcesNear,
} from '../../domain/geography.js';
import { builder } from '../builder.js';
import { offsetConnection, rowStub, windowFor } from '../paging.js';
import { ClaimRef } from './claim.js';
import { edgeValue, type ObjectFieldBuilder, pageOrError, totalCountFields } from './connection-fields.js';
import { LocationRef } from './location.js';
import { SourceRef } from './source.js';

function distanceEdgeFields(description: string) {
  return (e: ObjectFieldBuilder) => ({
    distanceKm: e.float({ description, resolve: (edge) => edgeValue<number>(edge, 'distanceKm') }),
  });
}

builder.queryFields((t) => {
  const circle = () => ({
    latitude: t.arg.float({ required: true, description: 'Degrees north, -90..90.' }),
    longitude: t.arg.float({ required: true, description: 'Degrees east, -180..180.' }),
    radiusKm: t.arg.float({ required: true, description: 'Great-circle radius in km, up to 20000.' }),
  });
  const toCircle = (args: Circle): Circle => ({
    latitude: args.latitude,
    longitude: args.longitude,
    radiusKm: args.radiusKm,
  });
  return {
    locationsNear: t.connection(
      {
        type: LocationRef,
        description: 'Places in the graph within a radius of a point, nearest first.',
        args: circle(),
        resolve: async (_root, args, ctx) => {
          const page = await pageOrError(() => locationsNear(ctx.db, toCircle(args), windowFor(args)));
          return offsetConnection(args, page, (hit) => ({
            node: rowStub<Location>(hit.id),
            distanceKm: hit.distanceKm,
          }));
        },
      },
      { name: 'LocationNearConnection', fields: totalCountFields },
      {
        name: 'LocationNearEdge',
        fields: distanceEdgeFields('Great-circle distance from the point, in km.'),
      },
    ),
    locationsInBox: t.connection(
      {
        type: LocationRef,
        description:
          'Places in the graph inside a latitude/longitude box, most populous first; west > east crosses the antimeridian.',
        args: {
          south: t.arg.float({ required: true, description: 'Southern edge, degrees north.' }),
          west: t.arg.float({ required: true, description: 'Western edge, degrees east.' }),
          north: t.arg.float({ required: true, description: 'Northern edge, degrees north.' }),
          east: t.arg.float({ required: true, description: 'Eastern edge, degrees east.' }),
        },
        resolve: async (_root, args, ctx) => {
          const page = await pageOrError(() => locationsInBox(ctx.db, args, windowFor(args)));
          return offsetConnection(args, page, (hit) => ({
            node: rowStub<Location>(hit.id),
            distanceKm: hit.distanceKm,
          }));
        },
      },
      { name: 'LocationInBoxConnection', fields: totalCountFields },
      {
        name: 'LocationInBoxEdge',
        fields: distanceEdgeFields('Great-circle distance from the centre of the box, in km.'),
      },
    ),
    claimsNear: t.connection(
      {
        type: ClaimRef,
        description: 'Claims about places within a radius of a point, nearest place first, then newest.',
        args: circle(),
        resolve: async (_root, args, ctx) => {
          const page = await pageOrError(() => claimsNear(ctx.db, toCircle(args), windowFor(args)));
          return offsetConnection(args, page, (hit) => ({
            node: rowStub<Claim>(hit.id),
            distanceKm: hit.distanceKm,
          }));
        },
      },
      { name: 'ClaimNearConnection', fields: totalCountFields },
      {
        name: 'ClaimNearEdge',
        fields: distanceEdgeFields('Distance from the point to the nearest place the claim is about, in km.'),
      },
    ),
    sourcesNear: t.connection(
      {
        type: SourceRef,
        description:
          'Sources that made claims about places within a radius of a point, most such claims first.',
        args: circle(),
        resolve: async (_root, args, ctx) => {
          const page = await pageOrError(() => sourcesNear(ctx.db, toCircle(args), windowFor(args)));
          return offsetConnection(args, page, (hit) => ({
            node: rowStub<Source>(hit.id),
            distanceKm: hit.distanceKm,
            claimCount: hit.claimCount,
          }));
        },
      },
      { name: 'SourceNearConnection', fields: totalCountFields },
      {
        name: 'SourceNearEdge',
        fields: (e) => ({
          ...distanceEdgeFields(
            'Distance from the point to the nearest place this source spoke about, in km.',
          )(e),
          claimCount: e.int({
            description: 'Claims this source made about places within the radius.',
            resolve: (edge) => edgeValue<number>(edge, 'claimCount'),
          }),
        }),
      },
    ),
  };
});
