import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../../src/client/gql/graphql.js';
import { ImportArticle } from '../../src/client/operations/articles.js';
import { FilteredClaims, FilteredSources } from '../../src/client/operations/filters.js';
import { LocationByName } from '../../src/client/operations/locations.js';
import { LocationTimelines, SourceTimelines, Timeline } from '../../src/client/operations/timeline.js';
import { seedAsImportInput } from '../helpers/corpus.js';
import { drivers } from '../helpers/db.js';
import { executeOperation } from '../helpers/execute.js';
import { observatoryArticles } from '../helpers/factories.js';
import { createTestServer, demoImportInput, type TestServer } from '../helpers/server.js';

type Interval = 'DAY' | 'WEEK' | 'MONTH';

/** Reference bucketing in JS (UTC, Monday weeks), independent of date_trunc. */
function bucketStart(iso: string, interval: Interval): string {
  const d = new Date(iso);
  if (interval === 'MONTH') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString();
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  if (interval === 'WEEK') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString();
}

function buckets(dates: (string | null)[], interval: Interval): { start: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const date of dates) {
    if (!date) continue;
    const start = bucketStart(date, interval);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([start, count]) => ({ start, count }));
}

const normalise = (edges: { node: { start: string; count: number } }[] | undefined) =>
  (edges ?? []).map((e) => ({ start: new Date(e.node.start).toISOString(), count: e.node.count }));

describe.each(drivers)('timelines on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer(driver);
    for (const input of [demoImportInput(), seedAsImportInput(), ...observatoryArticles()]) {
      expect((await executeOperation(server.yoga, ImportArticle, { input })).errors).toBeUndefined();
    }
  });
  afterAll(() => server.close());

  async function claimDates(filter: ClaimFilter) {
    const { data } = await executeOperation(server.yoga, FilteredClaims, { filter, first: 100 });
    return (data?.claims.edges ?? []).map((e) => e.node.claimedAt ?? null);
  }

  it.each(['DAY', 'WEEK', 'MONTH'] as const)('buckets the claims of a source per %s', async (interval) => {
    const sources = await executeOperation(server.yoga, FilteredSources, {
      filter: { namePrefix: 'Syrian Obs' },
    });
    const source = sources.data?.sources.edges[0].node.id as string;
    const { data, errors } = await executeOperation(server.yoga, Timeline, { interval, source });
    expect(errors).toBeUndefined();
    const expected = buckets(await claimDates({ sources: [source] }), interval);
    expect(expected.length).toBeGreaterThan(1);
    expect(normalise(data?.timeline.edges)).toEqual(expected);
    expect(data?.timeline.totalCount).toBe(expected.length);
  });

  it('buckets the claims about a place (with the places inside it) and matching a search', async () => {
    const syria = await executeOperation(server.yoga, LocationByName, { name: 'Syria' });
    const location = syria.data?.location?.id as string;
    const place = await executeOperation(server.yoga, Timeline, {
      interval: 'WEEK',
      location,
      includeContained: true,
    });
    expect(normalise(place.data?.timeline.edges)).toEqual(
      buckets(await claimDates({ location, includeContained: true }), 'WEEK'),
    );
    const search = await executeOperation(server.yoga, Timeline, { interval: 'DAY', search: 'shelling' });
    const expected = buckets(await claimDates({ text: 'shelling' }), 'DAY');
    expect(expected.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(normalise(search.data?.timeline.edges)).toEqual(expected);
  });

  it('gives every place its timeline in one statement', async () => {
    server.resetStatements();
    const { data, errors } = await executeOperation(server.yoga, LocationTimelines, { interval: 'MONTH' });
    expect(errors).toBeUndefined();
    const timelineStatements = server.statements.filter((s) => s.includes('date_trunc'));
    expect(timelineStatements).toHaveLength(1);
    expect(server.statements.length).toBeLessThanOrEqual(3); // places, their count, the timelines
    const edges = data?.locations.edges ?? [];
    expect(edges.length).toBeGreaterThan(3);
    let compared = 0;
    for (const edge of edges.slice(0, 4)) {
      const byName = await executeOperation(server.yoga, LocationByName, { name: edge.node.name });
      const single = await executeOperation(server.yoga, Timeline, {
        interval: 'MONTH',
        location: byName.data?.location?.id,
        includeContained: true,
      });
      if (byName.data?.location?.name === edge.node.name) {
        expect(normalise(edge.node.timeline.edges)).toEqual(normalise(single.data?.timeline.edges));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1);
  });

  it('gives every source its timeline in one statement', async () => {
    server.resetStatements();
    const { data } = await executeOperation(server.yoga, SourceTimelines, { interval: 'DAY' });
    expect(server.statements.filter((s) => s.includes('date_trunc'))).toHaveLength(1);
    const observatory = data?.sources.edges.find((e) => e.node.name === 'Syrian Observatory');
    expect(observatory?.node.timeline.edges.reduce((n, e) => n + e.node.count, 0)).toBe(10);
  });

  it('answers a timeline in one statement', async () => {
    server.resetStatements();
    const { data } = await executeOperation(server.yoga, Timeline, {
      interval: 'WEEK',
      search: 'Observatory',
    });
    expect(data?.timeline.totalCount).toBeGreaterThan(1);
    expect(server.statements).toHaveLength(1);
  });

  it('pages buckets with the hard maximum page size', async () => {
    const { data } = await executeOperation(server.yoga, Timeline, { interval: 'DAY', first: 1000 });
    expect(data?.timeline.edges.length).toBeLessThanOrEqual(100);
    const small = await executeOperation(server.yoga, Timeline, { interval: 'DAY', first: 1 });
    expect(small.data?.timeline.edges).toHaveLength(1);
    expect(small.data?.timeline.totalCount).toBe(data?.timeline.totalCount);
  });
});
