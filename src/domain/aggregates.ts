import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { claims } from '../db/schema/index.js';
import { type ClaimFilter, claimCondition } from './filters.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';
import type { PlaceCount } from './sources.js';
import { rankSpeakers, type SpeakerCount } from './speaker-counts.js';

/** Claims matching `filter` as (parent_id 0, claim_id) scope rows. */
function filteredScope(filter: ClaimFilter | null) {
  return sql`select 0 as parent_id, claims.id as claim_id from claims where ${claimCondition(claims, filter)}`;
}

/**
 * Sources of the claims matching a filter (a place, a time window…), most claims first, then by
 * name; unresolved speakers are one entry. One statement.
 */
export async function topSources(
  db: Queryable,
  filter: ClaimFilter | null,
  window: PageWindow,
): Promise<Page<SpeakerCount>> {
  return (await rankSpeakers(db, [0], filteredScope(filter), window)).get(0) as Page<SpeakerCount>;
}

export interface KindCount {
  kind: string;
  sourceCount: number;
  claimCount: number;
}

/**
 * Claims matching a filter grouped by the kind of their source, most claims first. Claims with
 * an unresolved speaker have no kind and are left out. At most one row per kind; one statement.
 */
export function sourceKindBreakdown(db: Queryable, filter: ClaimFilter | null): Promise<KindCount[]> {
  return executeRows<KindCount>(
    db,
    sql`select s.kind, count(distinct s.id)::int as "sourceCount", count(*)::int as "claimCount"
    from claims join sources s on s.id = claims.source_id
    where ${claimCondition(claims, filter)}
    group by s.kind order by 3 desc, s.kind`,
  );
}

/**
 * Places each source made claims about within [from, to) of claimedAt, most claims first, then
 * by name. One statement for any number of sources.
 */
export async function topLocationsForSources(
  db: Queryable,
  sourceIds: readonly number[],
  options: { from?: Date | null; to?: Date | null; window: PageWindow },
): Promise<Map<number, Page<PlaceCount>>> {
  const { from, to, window } = options;
  const rows = await executeRows<PlaceCount>(
    db,
    sql`
    with grouped as (
      select c.source_id as parent_id, cl.location_id, count(distinct c.id)::int as claim_count
      from claims c join claim_locations cl on cl.claim_id = c.id
      where c.source_id = any(${sql.param([...sourceIds])}::int[])
        ${from ? sql`and c.claimed_at >= ${from.toISOString()}::timestamptz` : sql``}
        ${to ? sql`and c.claimed_at < ${to.toISOString()}::timestamptz` : sql``}
      group by 1, 2
    ), ranked as (
      select g.*, row_number() over (partition by g.parent_id order by g.claim_count desc, lower(l.name), g.location_id) as rn,
        count(*) over (partition by g.parent_id)::int as total
      from grouped g join locations l on l.id = g.location_id
    )
    select parent_id as "parentId", location_id as "locationId", claim_count as "claimCount", total
    from ranked where rn > ${window.offset} and rn <= ${window.offset + window.limit}
    order by parent_id, rn`,
  );
  return pagesByParent(sourceIds, rows);
}
