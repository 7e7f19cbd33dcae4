import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { claims } from '../db/schema/index.js';
import { type ClaimFilter, claimCondition } from './filters.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';
import { countPlaces, type PlaceCount } from './sources.js';
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
  const inWindow = sql`${from ? sql`c.claimed_at >= ${from.toISOString()}::timestamptz` : sql`true`}
    and ${to ? sql`c.claimed_at < ${to.toISOString()}::timestamptz` : sql`true`}`;
  return countPlaces(db, sourceIds, sql`c.source_id`, window, inWindow);
}
