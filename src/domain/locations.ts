import { type SQLWrapper, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { claims, type Location, locations } from '../db/schema/index.js';
import type { Gazetteer } from '../geo/types.js';
import { type ClaimFilter, claimCondition } from './filters.js';
import { placeAliasKey } from './names.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';
import { rankSpeakers, type SpeakerCount } from './speaker-counts.js';

/**
 * Relational-query options that find the location a user means by `name`, in any spelling the
 * gazetteer or the graph knows ("Raqa", "Ar-Raqqah", "Deir al-Zor Province"): gazetteer
 * candidates in their ranked order first, then places stored under that spelling.
 */
export function locationByNameQuery(gazetteer: Gazetteer, name: string) {
  const key = placeAliasKey(name);
  const candidateKeys = gazetteer.candidates(name).map((p) => p.key);
  if (!key && candidateKeys.length === 0) return null;
  const keys = candidateKeys.length > 0 ? candidateKeys : ['-'];
  return {
    where: {
      RAW: (t: typeof locations) =>
        sql`(${t.gazetteerKey} = any(${sql.param(keys)}::text[]) or ${t.id} in (select location_id from location_aliases where alias_key = ${key}))`,
    },
    orderBy: (t: typeof locations) => [
      sql`coalesce(array_position(${sql.param(keys)}::text[], ${t.gazetteerKey}), 1000000)`,
      sql`${t.population} desc nulls last`,
      sql`${t.id}`,
    ],
  };
}

/** The location a name refers to, or null when no such place is in the graph. */
export async function findLocationByName(
  db: Queryable,
  gazetteer: Gazetteer,
  name: string,
): Promise<Location | null> {
  const query = locationByNameQuery(gazetteer, name);
  return query ? ((await db.query.locations.findFirst(query)) ?? null) : null;
}

/**
 * The places whose claims count as being about each parent. With `includeContained`, a place
 * covers everything inside it, and a city also covers the region named after it: news text uses
 * "Deir al-Zor" for the city and its governorate alike, so asking by that name means both.
 */
function scopeRoots(parentIds: readonly number[], includeContained: boolean) {
  const ids = sql.param([...parentIds]);
  if (!includeContained) {
    return sql`select id as parent_id, id as root_id, true as direct_only from locations where id = any(${ids}::int[])`;
  }
  return sql`
    select l.id as parent_id, l.id as root_id, false as direct_only from locations l where l.id = any(${ids}::int[])
    union
    select l.id, p.id, false from locations l
      join locations p on p.id = l.parent_id and p.kind = 'REGION' and p.name_key = l.name_key
    where l.id = any(${ids}::int[])`;
}

/**
 * The id whose kept counts and lists answer `includeContained` for a place with these columns:
 * the region named after it when that region contains it, else the place itself (see scopeRoots).
 */
export function containedScopeRootId(place: { id: SQLWrapper; parentId: SQLWrapper; nameKey: SQLWrapper }) {
  return sql`coalesce((select p.id from locations p where p.id = ${place.parentId} and p.kind = 'REGION'
    and p.name_key = ${place.nameKey}), ${place.id})`;
}

/** (parent_id, claim_id) pairs in scope, each claim once per parent; shared with filters and aggregates. */
export function scopedClaims(parentIds: readonly number[], includeContained: boolean) {
  return sql`
    select distinct r.parent_id, cl.claim_id
    from (${scopeRoots(parentIds, includeContained)}) r
    join location_ancestors la on la.ancestor_id = r.root_id and (not r.direct_only or la.depth = 0)
    join claim_locations cl on cl.location_id = la.location_id`;
}

export interface LocationClaimsOptions {
  includeContained: boolean;
  window: PageWindow;
  /** Only claims matching this too (source kinds, dates, text…). */
  filter?: ClaimFilter | null;
}

/** The scoped (parent_id, claim_id) pairs, narrowed to the claims matching `filter`. */
function filteredScopedClaims(parentIds: readonly number[], options: LocationClaimsOptions) {
  const scope = scopedClaims(parentIds, options.includeContained);
  if (!options.filter) return scope;
  return sql`select s.parent_id, s.claim_id from (${scope}) s join claims on claims.id = s.claim_id
    where ${claimCondition(claims, options.filter)}`;
}

/**
 * Sources that made claims about each location, most claims first, then by name. One statement
 * for any number of locations.
 */
export function sourcesForLocations(
  db: Queryable,
  parentIds: readonly number[],
  options: LocationClaimsOptions,
): Promise<Map<number, Page<SpeakerCount>>> {
  return rankSpeakers(db, parentIds, filteredScopedClaims(parentIds, options), options.window);
}

export interface ClaimRef {
  parentId: number;
  claimId: number;
  total: number;
}

/** Claims about each location, newest first. One statement for any number of locations. */
export async function claimsForLocations(
  db: Queryable,
  parentIds: readonly number[],
  options: LocationClaimsOptions,
): Promise<Map<number, Page<ClaimRef>>> {
  if (!options.filter) return listedClaimsForLocations(db, parentIds, options);
  const rows = await executeRows<ClaimRef>(
    db,
    sql`
    with ranked as (
      select s.parent_id, c.id as claim_id,
        row_number() over (partition by s.parent_id order by c.claimed_at desc nulls last, c.id) as rn,
        count(*) over (partition by s.parent_id)::int as total
      from (${filteredScopedClaims(parentIds, options)}) s
      join claims c on c.id = s.claim_id
    )
    select parent_id as "parentId", claim_id as "claimId", total
    from ranked where rn > ${options.window.offset} and rn <= ${options.window.offset + options.window.limit}
    order by parent_id, rn`,
  );
  return pagesByParent(parentIds, rows);
}

/**
 * `claimsForLocations` without a filter, from the kept lists (location_claims, newest first) and
 * counts: one page of an index per location whatever the number of claims in scope.
 */
async function listedClaimsForLocations(
  db: Queryable,
  parentIds: readonly number[],
  { includeContained, window }: LocationClaimsOptions,
): Promise<Map<number, Page<ClaimRef>>> {
  const ids = sql.param([...parentIds]);
  const root = includeContained
    ? containedScopeRootId({ id: sql`l.id`, parentId: sql`l.parent_id`, nameKey: sql`l.name_key` })
    : sql`l.id`;
  const rows = await executeRows<ClaimRef>(
    db,
    sql`
    with roots as (select l.id as parent_id, ${root} as root_id from locations l where l.id = any(${ids}::int[]))
    select r.parent_id as "parentId", page.claim_id as "claimId",
      (select coalesce(sum(x.claim_count), 0)::int from location_speaker_counts x
        where x.location_id = r.root_id and x.contained = ${includeContained} and x.claim_count > 0) as total
    from roots r cross join lateral (
      select lc.claim_id, row_number() over (order by lc.claimed_at desc nulls last, lc.claim_id) as n
      from location_claims lc
      where lc.location_id = r.root_id and lc.contained = ${includeContained}
      order by lc.claimed_at desc nulls last, lc.claim_id
      limit ${window.limit} offset ${window.offset}) page
    order by r.parent_id, page.n`,
  );
  return pagesByParent(parentIds, rows);
}
