import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { FilteredClaims } from '../../src/client/operations/filters.js';
import { LocationsInBox, Nearby, PlacesWithCoordinates } from '../../src/client/operations/geography.js';
import { LocationByName } from '../../src/client/operations/locations.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { articleInput } from '../helpers/factories.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

const fiji = articleInput({
  url: 'https://wire.example/fiji',
  publishedAt: '2017-10-01',
  claims: [
    {
      text: 'Officials in Suva said the cyclone passed.',
      speaker: { name: 'officials', kind: 'ANONYMOUS' },
      places: [{ name: 'Suva', kind: 'CITY', countryCode: 'FJ' }],
    },
  ],
});

/** Reference haversine, independent of the SQL one. */
function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) *
      Math.cos(b.latitude * rad) *
      Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe.each(drivers)('geography on %s', (driver) => {
  let server: TestServer;
  let places: { id: string; name: string; latitude: number; longitude: number }[];
  let centre: { latitude: number; longitude: number };

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [demoImportInput(), seedAsImportInput(), fiji]) {
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    }
    const { data } = await executeOperation(server.yoga, PlacesWithCoordinates, { first: 100 });
    places = (data?.locations.edges ?? []).map((e) => e.node as (typeof places)[number]);
    const deir = await executeOperation(server.yoga, LocationByName, { name: 'Deir al-Zor' });
    centre = {
      latitude: deir.data?.location?.latitude as number,
      longitude: deir.data?.location?.longitude as number,
    };
  });
  afterAll(() => server.close());

  it('finds the places within a radius, nearest first, with their distances', async () => {
    const radiusKm = 150;
    const { data, errors } = await executeOperation(server.yoga, Nearby, { ...centre, radiusKm, first: 100 });
    expect(errors).toBeUndefined();
    const expected = places
      .map((p) => ({ name: p.name, d: km(centre, p) }))
      .filter((p) => p.d <= radiusKm)
      .sort((a, b) => a.d - b.d);
    const edges = data?.locationsNear.edges ?? [];
    expect(edges.length).toBeGreaterThan(2);
    expect(edges.map((e) => e.node.name)).toEqual(expected.map((p) => p.name));
    edges.forEach((e, i) => expect(e.distanceKm).toBeCloseTo(expected[i].d, 3));
    expect(edges[0].distanceKm).toBeLessThan(1);
    expect(edges.some((e) => e.node.ancestors.some((a) => a.name === 'Syria'))).toBe(true);
  });

  it('finds the claims and sources about places near a point', async () => {
    const radiusKm = 60;
    const { data } = await executeOperation(server.yoga, Nearby, { ...centre, radiusKm, first: 100 });
    const near = places.filter((p) => km(centre, p) <= radiusKm);
    const expectedClaims = new Set<string>();
    const expectedSources = new Set<string>();
    for (const place of near) {
      const claims = await executeOperation(server.yoga, FilteredClaims, {
        filter: { location: place.id },
        first: 100,
      });
      for (const edge of claims.data?.claims.edges ?? []) {
        expectedClaims.add(edge.node.text);
        if (edge.node.source) expectedSources.add(edge.node.source.name);
      }
    }
    expect(expectedClaims.size).toBeGreaterThan(0);
    expect(new Set(data?.claimsNear.edges.map((e) => e.node.text))).toEqual(expectedClaims);
    expect(data?.claimsNear.totalCount).toBe(expectedClaims.size);
    expect(new Set(data?.sourcesNear.edges.map((e) => e.node.name))).toEqual(expectedSources);
    const distances = data?.claimsNear.edges.map((e) => e.distanceKm) ?? [];
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('finds places in a box, also across the antimeridian', async () => {
    const syria = await executeOperation(server.yoga, LocationsInBox, {
      south: 32,
      west: 35,
      north: 37.5,
      east: 42.5,
    });
    const names = syria.data?.locationsInBox.edges.map((e) => e.node.name) ?? [];
    expect(names).toContain('Syria');
    expect(names).not.toContain('Suva');
    server.resetStatements();
    const pacific = await executeOperation(server.yoga, LocationsInBox, {
      south: -20,
      west: 170,
      north: -10,
      east: -170,
    });
    expect(server.statements).toHaveLength(2); // the ranked page, then its places' rows
    const inPacific = places.filter(
      (p) => p.latitude >= -20 && p.latitude <= -10 && (p.longitude >= 170 || p.longitude <= -170),
    );
    expect(inPacific.map((p) => p.name)).toContain('Suva');
    expect(new Set(pacific.data?.locationsInBox.edges.map((e) => e.node.name))).toEqual(
      new Set(inPacific.map((p) => p.name)),
    );
  });

  it('rejects coordinates out of range as user errors', async () => {
    const { errors } = await executeOperation(server.yoga, Nearby, {
      latitude: 91,
      longitude: 0,
      radiusKm: 10,
    });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const box = await executeOperation(server.yoga, LocationsInBox, {
      south: 10,
      west: 0,
      north: 5,
      east: 1,
    });
    expect(box.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs a fixed number of statements whatever the page size', async () => {
    const count = async (first: number) => {
      server.resetStatements();
      const result = await executeOperation(server.yoga, Nearby, { ...centre, radiusKm: 500, first });
      expect(result.errors).toBeUndefined();
      return server.statements.length;
    };
    const one = await count(1);
    expect(await count(100)).toBe(one);
    // Three ranked pages, and one batched load per node type (places with ancestors, claims with sources, sources).
    expect(one).toBeLessThanOrEqual(7);
  });
});
