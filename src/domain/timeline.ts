import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { claims } from '../db/schema/index.js';
import { type ClaimFilter, claimCondition } from './filters.js';
import { scopedClaims } from './locations.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';

export type TimelineInterval = 'DAY' | 'WEEK' | 'MONTH';

/** Claims whose claimedAt falls in [start, start + interval), UTC; weeks start on Monday. */
export interface TimelineBucket {
  parentId: number;
  /** ISO 8601 UTC instant. */
  start: string;
  count: number;
  total: number;
}

const UNIT: Record<TimelineInterval, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** Bucket start of c.claimed_at as fixed-width UTC text, so drivers agree and it sorts by time. */
function bucketStart(interval: TimelineInterval): SQL {
  return sql`to_char(date_trunc(${UNIT[interval]}, c.claimed_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}

/**
 * Buckets the claims of `scope` (rows of parent_id, claim_id) per parent, oldest first, one
 * page per parent. Claims without a date are left out. One statement for any number of parents.
 */
async function bucketsPerParent(
  db: Queryable,
  parentIds: readonly number[],
  scope: SQL,
  interval: TimelineInterval,
  window: PageWindow,
): Promise<Map<number, Page<TimelineBucket>>> {
  const rows = await executeRows<TimelineBucket>(
    db,
    sql`
    with buckets as (
      select s.parent_id, ${bucketStart(interval)} as start, count(distinct c.id)::int as count
      from (${scope}) s join claims c on c.id = s.claim_id
      where c.claimed_at is not null
      group by 1, 2
    ), ranked as (
      select b.*, row_number() over (partition by parent_id order by start) as rn,
        count(*) over (partition by parent_id)::int as total
      from buckets b
    )
    select parent_id as "parentId", start, count, total from ranked
    where rn > ${window.offset} and rn <= ${window.offset + window.limit}
    order by parent_id, rn`,
  );
  return pagesByParent(parentIds, rows);
}

/** Timeline of the claims matching a filter (place, source, text…). One statement. */
export async function timeline(
  db: Queryable,
  filter: ClaimFilter | null,
  interval: TimelineInterval,
  window: PageWindow,
): Promise<Page<TimelineBucket>> {
  const scope = sql`select 0 as parent_id, claims.id as claim_id from claims where ${claimCondition(claims, filter)}`;
  return (await bucketsPerParent(db, [0], scope, interval, window)).get(0) as Page<TimelineBucket>;
}

/** Timelines of the claims about each location (optionally including places inside it). */
export function timelinesForLocations(
  db: Queryable,
  locationIds: readonly number[],
  options: { includeContained: boolean; interval: TimelineInterval; window: PageWindow },
): Promise<Map<number, Page<TimelineBucket>>> {
  const scope = scopedClaims(locationIds, options.includeContained);
  return bucketsPerParent(db, locationIds, scope, options.interval, options.window);
}

/** Timelines of the claims each source made. */
export function timelinesForSources(
  db: Queryable,
  sourceIds: readonly number[],
  options: { interval: TimelineInterval; window: PageWindow },
): Promise<Map<number, Page<TimelineBucket>>> {
  const scope = sql`select source_id as parent_id, id as claim_id from claims where source_id = any(${sql.param([...sourceIds])}::int[])`;
  return bucketsPerParent(db, sourceIds, scope, options.interval, options.window);
}
