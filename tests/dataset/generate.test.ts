import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNewsCities } from '../../src/dataset/city-pool.js';
import { type Dataset, generateDataset } from '../../src/dataset/generate.js';
import { writeDataset } from '../../src/dataset/write.js';
import { executeRows } from '../../src/db/execute.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Place } from '../../src/geo/types.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';

let cities: Place[];
let ancestorsOf: (p: Place) => Place[];

beforeAll(async () => {
  const gazetteer = await loadGazetteer();
  cities = loadNewsCities();
  ancestorsOf = (p) => gazetteer.ancestors(p);
});

const make = (seed: number, claims = 1_000): Dataset =>
  generateDataset({ seed, claims }, cities, ancestorsOf);
const snapshot = (d: Dataset) =>
  JSON.stringify({
    sources: d.sources,
    places: d.places.map((p) => p.place.key),
    articles: [...d.articles()],
  });

describe('generateDataset', () => {
  it('gives the same rows for the same seed and different rows for another', () => {
    expect(snapshot(make(42))).toBe(snapshot(make(42)));
    expect(snapshot(make(43))).not.toBe(snapshot(make(42)));
  });

  it('makes exactly the asked number of claims, each a span of its body', () => {
    const articles = [...make(7).articles()];
    expect(articles.reduce((n, a) => n + a.claims.length, 0)).toBe(1_000);
    for (const a of articles)
      for (const c of a.claims) {
        expect(a.body.slice(c.start, c.end)).toBe(c.text);
        for (const m of c.mentions) expect(a.body.slice(m.start, m.end)).toBe(m.asWritten);
      }
  });

  it('is skewed: the most frequent place gets far more than an even share', () => {
    const counts = new Map<string, number>();
    for (const a of make(42, 3_000).articles())
      for (const c of a.claims)
        for (const m of c.mentions) counts.set(m.placeKey, (counts.get(m.placeKey) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const even = sorted.reduce((n, v) => n + v, 0) / sorted.length;
    expect(sorted[0]).toBeGreaterThan(5 * even);
  });
});

describe.each(drivers)('writeDataset on %s', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(driver);
    await writeDataset(t.db, make(42), { articlesPerBatch: 100 });
  });
  afterAll(() => t.close());

  const one = async <T>(query: ReturnType<typeof sql>) => (await executeRows<T>(t.db, query))[0];

  it('writes every claim, with offsets that point at its text in the body', async () => {
    const row = await one<{ total: number; bad: number }>(sql`
      select count(*)::int as total,
        count(*) filter (where substr(a.body, c.start_offset + 1, c.end_offset - c.start_offset) <> c.text)::int as bad
      from claims c join articles a on a.id = c.article_id`);
    expect(row).toEqual({ total: 1_000, bad: 0 });
  });

  it('writes place mentions at their offsets and a closure row for every containment step', async () => {
    const mentions = await one<{ bad: number }>(sql`
      select count(*)::int as bad from claim_locations cl join claims c on c.id = cl.claim_id join articles a on a.id = c.article_id
      where substr(a.body, cl.start_offset + 1, cl.end_offset - cl.start_offset) <> cl.mention`);
    expect(mentions.bad).toBe(0);
    const closure = await one<{ noSelf: number; noParent: number; cities: number }>(sql`
      select (select count(*) from locations l where not exists (select 1 from location_ancestors la where la.location_id = l.id and la.ancestor_id = l.id and la.depth = 0))::int as "noSelf",
        (select count(*) from locations l where l.parent_id is not null and not exists (select 1 from location_ancestors la where la.location_id = l.id and la.ancestor_id = l.parent_id and la.depth = 1))::int as "noParent",
        (select count(*) from locations where kind = 'CITY')::int as cities`);
    expect(closure).toEqual({ noSelf: 0, noParent: 0, cities: expect.any(Number) });
    expect(closure.cities).toBeGreaterThan(10);
  });

  it('moves the identity sequences past the assigned ids, so later inserts do not collide', async () => {
    const row = await one<{ id: number; max: number }>(sql`
      insert into claims (article_id, text, quote, start_offset, end_offset, position)
      select id, 'x', 'DIRECT', 0, 1, 99 from articles limit 1
      returning id, (select max(id) from claims)::int as max`);
    expect(row.id).toBeGreaterThan(row.max);
  });
});
