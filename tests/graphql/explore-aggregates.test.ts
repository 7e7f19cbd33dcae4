import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaceAggregates, SourceTopLocations } from '../../src/client/operations/aggregates.js';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { FilteredClaims } from '../../src/client/operations/filters.js';
import { LocationByName } from '../../src/client/operations/locations.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { observatoryArticles } from '../helpers/factories.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

const FROM = '2017-10-01T00:00:00Z';
const TO = '2017-10-31T00:00:00Z';

describe.each(drivers)('aggregates on %s', (driver) => {
  let server: TestServer;
  let syria: string;

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [demoImportInput(), seedAsImportInput(), ...observatoryArticles()]) {
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    }
    syria = (await executeOperation(server.yoga, LocationByName, { name: 'Syria' })).data?.location
      ?.id as string;
  });
  afterAll(() => server.close());

  /** The claims in scope, fetched through the claims connection (the reference answer). */
  async function scopeClaims() {
    const { data } = await executeOperation(server.yoga, FilteredClaims, {
      filter: { location: syria, includeContained: true, claimedFrom: FROM, claimedTo: TO },
      first: 100,
    });
    return data?.claims.edges.map((e) => e.node) ?? [];
  }

  it('ranks the sources of a place in a time window', async () => {
    const { data, errors } = await executeOperation(server.yoga, PlaceAggregates, {
      location: syria,
      from: FROM,
      to: TO,
      first: 100,
    });
    expect(errors).toBeUndefined();
    const counts = new Map<string | null, number>();
    for (const claim of await scopeClaims()) {
      const name = claim.source?.id ?? null; // anonymous sources are per article: same name, other id
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const edges = data?.topSources.edges ?? [];
    expect(new Map(edges.map((e) => [e.node?.id ?? null, e.claimCount]))).toEqual(counts);
    expect(edges[0].node?.name).toBe('Syrian Observatory');
    const claimCounts = edges.map((e) => e.claimCount);
    expect(claimCounts).toEqual([...claimCounts].sort((a, b) => b - a));
    // The observatory's November claim is outside the window.
    expect(edges[0].claimCount).toBe(8);
  });

  it('breaks the claims of a place down by source kind', async () => {
    const { data } = await executeOperation(server.yoga, PlaceAggregates, {
      location: syria,
      from: FROM,
      to: TO,
    });
    const expected = new Map<string, { sources: Set<string>; claims: number }>();
    for (const claim of await scopeClaims()) {
      if (!claim.source) continue;
      const row = expected.get(claim.source.kind) ?? { sources: new Set(), claims: 0 };
      row.sources.add(claim.source.id);
      row.claims++;
      expected.set(claim.source.kind, row);
    }
    const rows = data?.sourceKindBreakdown ?? [];
    expect(rows.length).toBeGreaterThan(1);
    expect(new Map(rows.map((r) => [r.kind, { sources: r.sourceCount, claims: r.claimCount }]))).toEqual(
      new Map([...expected].map(([kind, r]) => [kind, { sources: r.sources.size, claims: r.claims }])),
    );
    expect(rows[0]).toMatchObject({ kind: 'ORGANIZATION', claimCount: 8 });
  });

  it('lists the places a source talks about most in a window, for every source in one statement', async () => {
    server.resetStatements();
    const { data, errors } = await executeOperation(server.yoga, SourceTopLocations, { from: FROM, to: TO });
    expect(errors).toBeUndefined();
    const observatory = data?.sources.edges.find((e) => e.node.name === 'Syrian Observatory');
    expect(observatory?.node.topLocations.edges.map((e) => [e.node.name, e.claimCount])).toEqual([
      ['Aleppo', 4],
      ['Raqqa', 4],
    ]);
    const all = await executeOperation(server.yoga, SourceTopLocations, { first: 100 });
    const unbounded = all.data?.sources.edges.find((e) => e.node.name === 'Syrian Observatory');
    expect(unbounded?.node.topLocations.edges.map((e) => e.claimCount)).toEqual([5, 5]);
    // sources, count, top locations, their location rows: per request, not per source.
    expect(server.statements.length).toBeLessThanOrEqual(2 * 4);
  });

  it('answers the aggregates in a fixed number of statements', async () => {
    const count = async (first: number) => {
      server.resetStatements();
      await executeOperation(server.yoga, PlaceAggregates, { location: syria, first });
      return server.statements.length;
    };
    const one = await count(1);
    expect(await count(100)).toBe(one);
    expect(one).toBeLessThanOrEqual(3); // ranking, breakdown, the ranked sources' rows
  });
});
