import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import type { locationSpeakerCounts, locations } from '../db/schema/index.js';
import { containedScopeRootId } from './locations.js';
import type { Page, PageWindow } from './paging.js';

/**
 * (claim_id, location_id, contained) once each for the claims with ids in `claimIds` (a
 * subquery): every place a claim counts for, the places containing its mentions (contained) and
 * the mentioned places themselves (not contained).
 */
function scopeRows(claimIds: SQL): SQL {
  return sql`
    select cl.claim_id, la.ancestor_id as location_id, true as contained
    from claim_locations cl join location_ancestors la on la.location_id = cl.location_id
    where cl.claim_id in (${claimIds})
    union
    select cl.claim_id, cl.location_id, false from claim_locations cl
    where cl.claim_id in (${claimIds})`;
}

/**
 * What the claims matching `claimCondition` (over `claims c`) add to location_speaker_counts,
 * times `sign`: one row per (place, contained, speaker). A claim counts once per place however
 * many of its mentions fall inside it, as the live aggregate in locations.ts counts it.
 */
export function speakerCountContributions(claimCondition: SQL, sign: 1 | -1 = 1): SQL {
  return sql`
    with picked as (
      select c.id, c.source_id, lower(src.name) as sort_name, c.speaker_text
      from claims c left join sources src on src.id = c.source_id where ${claimCondition}),
    per_text as (
      select s.location_id, s.contained, p.source_id, p.sort_name,
        case when p.source_id is null then coalesce(p.speaker_text, '') end as speaker_text,
        ${sign}::int * count(*)::int as n
      from (${scopeRows(sql`select id from picked`)}) s join picked p on p.id = s.claim_id
      group by 1, 2, 3, 4, 5
    )
    select location_id, contained, source_id, sort_name as source_sort_name, sum(n)::int as claim_count,
      coalesce(jsonb_object_agg(speaker_text, n) filter (where speaker_text is not null), '{}'::jsonb)
        as speaker_text_counts
    from per_text group by 1, 2, 3, 4`;
}

/** (place, contained, claim) rows of location_claims for the claims matching `claimCondition`. */
export function claimScopes(claimCondition: SQL): SQL {
  return sql`
    select s.location_id, s.contained, s.claim_id, c.claimed_at
    from (${scopeRows(sql`select c.id from claims c where ${claimCondition}`)}) s
    join claims c on c.id = s.claim_id`;
}

/**
 * Adds (sign 1) or removes (sign -1) what the claims matching `claimCondition` count for, and
 * lists or unlists them under their places.
 */
async function adjustSpeakerCounts(tx: Queryable, claimCondition: SQL, sign: 1 | -1): Promise<void> {
  // One statement: the list change rides along as a data-modifying CTE.
  const listing =
    sign === 1
      ? sql`insert into location_claims (location_id, contained, claim_id, claimed_at)
          ${claimScopes(claimCondition)} on conflict do nothing`
      : sql`delete from location_claims where claim_id in (select c.id from claims c where ${claimCondition})`;
  await executeRows(
    tx,
    sql`with listing as (${listing})
      insert into location_speaker_counts as t
        (location_id, contained, source_id, source_sort_name, claim_count, speaker_text_counts)
      select * from (${speakerCountContributions(claimCondition, sign)}) contributions
      -- One lock order for every writer: concurrent ingests touching the same places' rows
      -- wait for each other instead of deadlocking.
      order by location_id, contained, source_id nulls first
      on conflict on constraint location_speaker_counts_key do update set
        claim_count = t.claim_count + excluded.claim_count,
        source_sort_name = excluded.source_sort_name,
        speaker_text_counts = case when excluded.speaker_text_counts = '{}'::jsonb then t.speaker_text_counts
          else (select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
            select k, sum(n)::int as n from (
              select key as k, value::int as n from jsonb_each_text(t.speaker_text_counts)
              union all select key, value::int from jsonb_each_text(excluded.speaker_text_counts)) both_maps
            group by k having sum(n) <> 0) merged) end`,
  );
}

/**
 * Runs `write` between taking the claims matching `claimCondition` out of the counts and putting
 * them back, so whatever it changes about those claims (speaker, places, the containment tree,
 * the claims themselves) is reflected, in the caller's transaction. The condition is read again
 * afterwards: it must name the same claims before and after (an article id, a list of claim ids).
 */
export async function recountingClaims<T>(
  tx: Queryable,
  claimCondition: SQL,
  write: () => Promise<T>,
): Promise<T> {
  await adjustSpeakerCounts(tx, claimCondition, -1);
  const result = await write();
  await adjustSpeakerCounts(tx, claimCondition, 1);
  return result;
}

/** Counts claims that were not counted before (just inserted). */
export function countClaims(tx: Queryable, claimCondition: SQL): Promise<void> {
  return adjustSpeakerCounts(tx, claimCondition, 1);
}

/** `recountingClaims` for a list of claim ids. */
export function recountingClaimIds<T>(tx: Queryable, claimIds: number[], write: () => Promise<T>) {
  return recountingClaims(tx, sql`c.id = any(${sql.param(claimIds)}::int[])`, write);
}

/** Claims mentioning `locationId` or any place inside it, as of now. */
export async function claimIdsWithin(tx: Queryable, locationId: number): Promise<number[]> {
  const rows = await executeRows<{ id: number }>(
    tx,
    sql`select distinct cl.claim_id as id from claim_locations cl
      join location_ancestors la on la.location_id = cl.location_id
      where la.ancestor_id = ${locationId}`,
  );
  return rows.map((r) => r.id);
}

/** Recounts everything from the claims (after bulk loads that bypass the write paths). */
export async function rebuildSpeakerCounts(tx: Queryable): Promise<void> {
  await executeRows(tx, sql`delete from location_speaker_counts`);
  await executeRows(tx, sql`delete from location_claims`);
  await executeRows(
    tx,
    sql`insert into location_claims (location_id, contained, claim_id, claimed_at) ${claimScopes(sql`true`)}`,
  );
  await executeRows(
    tx,
    sql`insert into location_speaker_counts
        (location_id, contained, source_id, source_sort_name, claim_count, speaker_text_counts)
      ${speakerCountContributions(sql`true`)}`,
  );
}

export interface CountedSpeaker<S> {
  sourceId: number | null;
  /** The source row as `sourceQuery` selected it; null for the unresolved entry. */
  source: S | null;
  claimCount: number;
  /** How unresolved speakers were written ("he"); empty for resolved sources. */
  speakerTexts: string[];
}

export interface RankingOptions {
  includeContained: boolean;
  window: PageWindow;
}

/** Name of the extra holding the ranking's total, per scope (two scopes can share one row). */
const totalKey = (includeContained: boolean) =>
  includeContained ? 'speakerTotalContained' : 'speakerTotalDirect';

/**
 * The part of a relational query on `locations` that loads each location's ranked speakers from
 * the kept counts, with each page's source rows selected by `sourceQuery` (a relational query
 * config for `sources`). Same scope and order as `sourcesForLocations` without a filter: most
 * claims first, then by name, unresolved last among equals; with `includeContained`, a city
 * answers for the region named after it (which contains it). Read it with `rankedSpeakersPage`.
 */
export function rankedSpeakersSelection(options: RankingOptions, sourceQuery: unknown) {
  const { includeContained, window } = options;
  const ranked = {
    columns: { sourceId: true, claimCount: true, speakerTextCounts: true },
    // A literal, not a parameter: it must match the rank index's predicate in a generic plan.
    where: {
      contained: includeContained,
      RAW: (t: typeof locationSpeakerCounts) => sql`${t.claimCount} > 0`,
    },
    // The rank index's order, so a page reads only its own rows.
    orderBy: (t: typeof locationSpeakerCounts) => [
      sql`${t.claimCount} desc nulls last`,
      sql`${t.sourceSortName} asc nulls last`,
      sql`${t.sourceId} asc nulls last`,
    ],
    offset: window.offset,
    limit: window.limit,
    with: { source: sourceQuery },
  };
  const scopeRoot = (t: typeof locations) => (includeContained ? containedScopeRootId(t) : sql`${t.id}`);
  return {
    extras: {
      [totalKey(includeContained)]: (t: typeof locations) =>
        sql<number>`(select count(*)::int from location_speaker_counts x
          where x.location_id = ${scopeRoot(t)} and x.contained = ${includeContained} and x.claim_count > 0)`,
    },
    with: {
      speakerCounts: ranked,
      ...(includeContained
        ? { namedRegion: { columns: { id: true }, with: { speakerCounts: ranked } } }
        : {}),
    },
  };
}

/** The page a location row loaded with `rankedSpeakersSelection(options, …)` holds. */
export function rankedSpeakersPage<S>(location: object, options: RankingOptions): Page<CountedSpeaker<S>> {
  const row = location as RankedRow<S>;
  const counts = row.namedRegion?.speakerCounts ?? row.speakerCounts;
  return {
    totalCount: Number(row[totalKey(options.includeContained)]),
    items: counts.map((c) => ({
      sourceId: c.sourceId,
      source: c.source,
      claimCount: c.claimCount,
      speakerTexts: Object.keys(c.speakerTextCounts)
        .filter((text) => text !== '' && c.speakerTextCounts[text] > 0)
        .sort(),
    })),
  };
}

/** `rankedSpeakersSelection` for locations by id, in one statement. */
export async function countedSpeakersForLocations<S>(
  db: Queryable,
  parentIds: readonly number[],
  options: RankingOptions,
  sourceQuery: unknown,
): Promise<Map<number, Page<CountedSpeaker<S>>>> {
  const rows = await db.query.locations.findMany({
    where: { id: { in: [...parentIds] } },
    columns: { id: true },
    ...rankedSpeakersSelection(options, sourceQuery),
  } as never);
  const pages = new Map<number, Page<CountedSpeaker<S>>>(
    parentIds.map((id) => [id, { items: [], totalCount: 0 }]),
  );
  for (const row of rows as { id: number }[]) pages.set(row.id, rankedSpeakersPage<S>(row, options));
  return pages;
}

interface RankedRow<S> {
  speakerTotalContained?: number;
  speakerTotalDirect?: number;
  speakerCounts: {
    sourceId: number | null;
    claimCount: number;
    speakerTextCounts: Record<string, number>;
    source: S | null;
  }[];
  namedRegion?: { speakerCounts: RankedRow<S>['speakerCounts'] } | null;
}
