import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { type Source, sources } from '../db/schema/index.js';
import { nameKey } from './names.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';
import { bodyLookupKey } from './source-identity.js';
import { rankSpeakers, type SpeakerCount } from './speaker-counts.js';

/**
 * Relational-query options that find a source by any name it was written as ("The Pentagon" ~
 * "Pentagon"). Anonymous sources are per article, so a name can match several: the most-cited
 * wins. Null when the name has no letters to match on.
 */
export function sourceByNameQuery(name: string) {
  const key = nameKey(name);
  if (!key) return null;
  return {
    where: {
      // Any name it was written as, or the same body under another spelling ("Al-Arabyia").
      RAW: (t: typeof sources) =>
        sql`(${t.id} in (select source_id from source_aliases where alias_key = ${key}) or ${t.key} = ${bodyLookupKey(name)})`,
    },
    orderBy: (t: typeof sources) => [
      sql`(select count(*) from claims c where c.source_id = ${t.id}) desc`,
      sql`${t.id}`,
    ],
  };
}

/** The source a name refers to, or null. */
export async function findSourceByName(db: Queryable, name: string): Promise<Source | null> {
  const query = sourceByNameQuery(name);
  return query ? ((await db.query.sources.findFirst(query)) ?? null) : null;
}

export interface PlaceCount {
  parentId: number;
  locationId: number;
  claimCount: number;
  total: number;
}

/** Places each source made claims about, most claims first. One statement for any number of sources. */
export async function locationsForSources(
  db: Queryable,
  sourceIds: readonly number[],
  window: PageWindow,
): Promise<Map<number, Page<PlaceCount>>> {
  return countPlaces(db, sourceIds, sql`c.source_id`, window);
}

/** Places the claims of each article are about, most claims first. */
export async function locationsForArticles(
  db: Queryable,
  articleIds: readonly number[],
  window: PageWindow,
): Promise<Map<number, Page<PlaceCount>>> {
  return countPlaces(db, articleIds, sql`c.article_id`, window);
}

/**
 * Places the claims of each parent (grouped by `parentColumn` of claims `c`) are about, most
 * claims first, then by name; `condition` narrows the claims. One statement.
 */
export async function countPlaces(
  db: Queryable,
  parentIds: readonly number[],
  parentColumn: SQL,
  window: PageWindow,
  condition: SQL = sql`true`,
): Promise<Map<number, Page<PlaceCount>>> {
  const rows = await executeRows<PlaceCount>(
    db,
    sql`
    with grouped as (
      select ${parentColumn} as parent_id, cl.location_id, count(distinct c.id)::int as claim_count
      from claims c join claim_locations cl on cl.claim_id = c.id
      where ${parentColumn} = any(${sql.param([...parentIds])}::int[]) and ${condition}
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
  return pagesByParent(parentIds, rows);
}

/** Speakers quoted in each article, most claims first; unresolved speakers grouped as one. */
export function sourcesForArticles(
  db: Queryable,
  articleIds: readonly number[],
  window: PageWindow,
): Promise<Map<number, Page<SpeakerCount>>> {
  const scope = sql`select article_id as parent_id, id as claim_id from claims where article_id = any(${sql.param([...articleIds])}::int[])`;
  return rankSpeakers(db, articleIds, scope, window);
}
