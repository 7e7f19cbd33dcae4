import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNewsCities } from '../../src/dataset/city-pool.js';
import { generateDataset } from '../../src/dataset/generate.js';
import { writeDataset } from '../../src/dataset/write.js';
import { executeRows } from '../../src/db/execute.js';
import { mergeLocations, mergeSources } from '../../src/domain/curation.js';
import { correctClaimPlaces, correctClaimSpeaker } from '../../src/domain/curation-corrections.js';
import { undoCuration } from '../../src/domain/curation-undo.js';
import {
  claimScopes,
  countedSpeakersForLocations,
  rebuildSpeakerCounts,
  speakerCountContributions,
} from '../../src/domain/location-speaker-counts.js';
import { claimsForLocations, sourcesForLocations } from '../../src/domain/locations.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Gazetteer } from '../../src/geo/types.js';
import { ingestPage } from '../../src/ingest/persist.js';
import { corpusDir, readSeed } from '../helpers/corpus.js';
import { createTestDb, drivers, type TestDb } from '../helpers/db.js';

const devTexts = () =>
  readdirSync(`${corpusDir}dev/texts`)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({
      url: `https://corpus.example/dev/${f}`,
      text: readFileSync(`${corpusDir}dev/texts/${f}`, 'utf8'),
    }));

describe.each(drivers)('kept speaker counts on %s', (driver) => {
  let t: TestDb;
  let gazetteer: Gazetteer;

  beforeAll(async () => {
    [t, gazetteer] = await Promise.all([createTestDb(driver), loadGazetteer()]);
    await ingestPage(t.db, gazetteer, { url: 'https://corpus.example/seed', text: readSeed().text });
    for (const page of devTexts()) await ingestPage(t.db, gazetteer, page);
  }, 120_000);
  afterAll(() => t.close());

  /** Kept rows that differ from a recount of every claim, both ways. */
  const drift = () =>
    executeRows<Record<string, unknown>>(
      t.db,
      sql`with expected as (${speakerCountContributions(sql`true`)}),
        kept as (select location_id, contained, source_id, source_sort_name, claim_count, speaker_text_counts
          from location_speaker_counts where claim_count <> 0)
        select 'missing' as drift, * from (select * from expected except select * from kept) m
        union all select 'extra', * from (select * from kept except select * from expected) e`,
    );

  /** Kept claim lists that differ from the claims' places now, both ways. */
  const listDrift = () =>
    executeRows<Record<string, unknown>>(
      t.db,
      sql`with expected as (${claimScopes(sql`true`)}),
        kept as (select location_id, contained, claim_id, claimed_at from location_claims)
        select 'missing' as drift, * from (select * from expected except select * from kept) m
        union all select 'extra', * from (select * from kept except select * from expected) e`,
    );

  /** Every place's ranking from the kept counts next to the live aggregate, both scopes. */
  async function rankingsAgree() {
    const ids = (await executeRows<{ id: number }>(t.db, sql`select id from locations order by id`)).map(
      (r) => r.id,
    );
    for (const includeContained of [false, true]) {
      const window = { offset: 0, limit: 101 };
      const live = await sourcesForLocations(t.db, ids, { includeContained, window });
      const kept = await countedSpeakersForLocations<{ id: number }>(
        t.db,
        ids,
        { includeContained, window },
        {
          columns: { id: true },
        },
      );
      const filter = {}; // any filter, even an empty one, takes the live path
      const liveClaims = await claimsForLocations(t.db, ids, { includeContained, window, filter });
      const listedClaims = await claimsForLocations(t.db, ids, { includeContained, window });
      for (const id of ids) {
        expect(
          listedClaims.get(id),
          `claims of location ${id} (includeContained ${includeContained})`,
        ).toEqual(liveClaims.get(id));
        const expected = live.get(id);
        const actual = kept.get(id);
        expect(actual?.totalCount, `total of location ${id}`).toBe(expected?.totalCount);
        expect(
          actual?.items.map((i) => [i.source?.id ?? null, i.claimCount, i.speakerTexts]),
          `ranking of location ${id} (includeContained ${includeContained})`,
        ).toEqual(expected?.items.map((i) => [i.sourceId, i.claimCount, i.speakerTexts]));
      }
    }
  }

  it('counts every ingested claim once per place and scope, ranked as the live aggregate ranks', async () => {
    const [{ n }] = await executeRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from location_speaker_counts where claim_count > 0 and source_id is null`,
    );
    expect(n).toBeGreaterThan(0); // the seed's unresolved "he" is counted too
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
    await rankingsAgree();
  });

  it('follows a page whose content changed (its claims are replaced)', async () => {
    const seed = readSeed().text;
    const cut = seed.slice(0, Math.floor(seed.length / 2));
    await ingestPage(t.db, gazetteer, { url: 'https://corpus.example/seed', text: cut });
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
    await ingestPage(t.db, gazetteer, { url: 'https://corpus.example/seed', text: seed });
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
    await rankingsAgree();
  });

  it('stays exact when pages about the same places are written concurrently', async () => {
    const pages = devTexts().map((page, i) => ({ ...page, url: `https://corpus.example/concurrent/${i}` }));
    const results = await Promise.allSettled(pages.map((page) => ingestPage(t.db, gazetteer, page)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
  });

  it('follows every curation action and its undo', async () => {
    const busiest = await executeRows<{ id: number }>(
      t.db,
      sql`select source_id as id from claims where source_id is not null
        group by source_id order by count(*) desc, source_id limit 2`,
    );
    const merged = await mergeSources(t.db, busiest[0].id, busiest[1].id);
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);

    // A region with cities under it merged into a country-level place: the closure is rewritten.
    const [region] = await executeRows<{ id: number; other: number }>(
      t.db,
      sql`select p.id, (select o.id from locations o where o.kind = 'REGION' and o.id <> p.id
            and o.id not in (select ancestor_id from location_ancestors where location_id = p.id)
            and p.id not in (select ancestor_id from location_ancestors where location_id = o.id)
            order by o.id limit 1) as other
        from locations p where p.kind = 'REGION' and exists (select 1 from locations c where c.parent_id = p.id)
        order by p.id limit 1`,
    );
    const placeMerge = await mergeLocations(t.db, region.other, region.id);
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);

    const [claim] = await executeRows<{ id: number }>(
      t.db,
      sql`select id from claims where source_id is not null and exists
        (select 1 from claim_locations cl where cl.claim_id = claims.id) order by id limit 1`,
    );
    const unresolved = await correctClaimSpeaker(t.db, claim.id, { unresolved: true });
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
    const places = await correctClaimPlaces(t.db, gazetteer, claim.id, { placeNames: ['Aleppo', 'Homs'] });
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
    await rankingsAgree();

    for (const action of [places, unresolved, placeMerge, merged]) {
      await undoCuration(t.db, action.id);
      expect([...(await drift()), ...(await listDrift())], `after undoing ${action.kind}`).toEqual([]);
    }
    await rankingsAgree();
  });

  it('is rebuilt from scratch to the same rows, and counts generated datasets as they are written', async () => {
    const kept = sql`select location_id, contained, source_id, source_sort_name, claim_count, speaker_text_counts
      from location_speaker_counts where claim_count <> 0 order by 1, 2, 3`;
    const before = await executeRows(t.db, kept);
    await rebuildSpeakerCounts(t.db);
    expect(await executeRows(t.db, kept)).toEqual(before);

    const gazetteerAncestors = (p: Parameters<Gazetteer['ancestors']>[0]) => gazetteer.ancestors(p);
    await writeDataset(
      t.db,
      generateDataset({ seed: 5, claims: 500 }, loadNewsCities(), gazetteerAncestors),
      {
        articlesPerBatch: 40,
      },
    );
    expect([...(await drift()), ...(await listDrift())]).toEqual([]);
  }, 60_000);
});
