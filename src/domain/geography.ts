import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { InvalidInputError } from './errors.js';
import type { Page, PageWindow } from './paging.js';

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

export interface Circle {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** A place with its distance in km from the point asked about (the box centre for boxes). */
export interface PlaceDistance {
  id: number;
  distanceKm: number;
  total: number;
}

/** A claim or source near a point: its nearest place's distance, and claims counted there. */
export interface NearHit {
  id: number;
  distanceKm: number;
  claimCount: number;
  total: number;
}

function checkPoint(latitude: number, longitude: number, path = ''): void {
  const issues = [];
  if (!(latitude >= -90 && latitude <= 90))
    issues.push({ path: `${path}latitude`, message: 'must be in [-90, 90]' });
  if (!(longitude >= -180 && longitude <= 180))
    issues.push({ path: `${path}longitude`, message: 'must be in [-180, 180]' });
  if (issues.length) throw new InvalidInputError('Coordinates out of range', issues);
}

function checkCircle(circle: Circle): void {
  checkPoint(circle.latitude, circle.longitude);
  if (!(circle.radiusKm > 0 && circle.radiusKm <= 20_000)) {
    throw new InvalidInputError('radiusKm must be in (0, 20000]', [
      { path: 'radiusKm', message: 'out of range' },
    ]);
  }
}

/** Great-circle (haversine) distance in km from a point to the row's coordinates. */
function haversineKm(latitude: number, longitude: number): SQL {
  return sql`(${2 * EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(l.latitude - ${latitude}) / 2), 2)
    + cos(radians(${latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${longitude}) / 2), 2)))))`;
}

/** Longitude range condition, split in two across the antimeridian. */
function longitudeBetween(west: number, east: number): SQL {
  if (west <= east) return sql`l.longitude between ${west} and ${east}`;
  return sql`(l.longitude >= ${west} or l.longitude <= ${east})`;
}

/**
 * Bounding box of a circle, used as an index-friendly prefilter on (latitude, longitude) before
 * the exact haversine test: no PostGIS, so PGlite and PostgreSQL run the same SQL.
 */
export function circleBox({ latitude, longitude, radiusKm }: Circle): SQL {
  const dLat = radiusKm / KM_PER_DEGREE;
  const south = Math.max(-90, latitude - dLat);
  const north = Math.min(90, latitude + dLat);
  const cosLat = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  const dLon = cosLat > 1e-9 ? radiusKm / (KM_PER_DEGREE * cosLat) : 360;
  const latRange = sql`l.latitude between ${south} and ${north}`;
  if (dLon >= 180) return latRange;
  const wrap = (x: number) => ((((x + 180) % 360) + 360) % 360) - 180;
  return sql`${latRange} and ${longitudeBetween(wrap(longitude - dLon), wrap(longitude + dLon))}`;
}

/** (id, distance_km) of places within the circle. */
function placesInCircle(circle: Circle): SQL {
  return sql`select id, distance_km from (
      select l.id, ${haversineKm(circle.latitude, circle.longitude)} as distance_km
      from locations l where ${circleBox(circle)}) near
    where distance_km <= ${circle.radiusKm}`;
}

/** Places within `radiusKm` of a point, nearest first. One statement. */
export async function locationsNear(
  db: Queryable,
  circle: Circle,
  window: PageWindow,
): Promise<Page<PlaceDistance>> {
  checkCircle(circle);
  const rows = await executeRows<PlaceDistance>(
    db,
    sql`select id, distance_km as "distanceKm", count(*) over ()::int as total
    from (${placesInCircle(circle)}) p order by distance_km, id limit ${window.limit} offset ${window.offset}`,
  );
  return { items: rows, totalCount: Number(rows[0]?.total ?? 0) };
}

/** Places inside a box (west > east crosses the antimeridian), most populous first. One statement. */
export async function locationsInBox(
  db: Queryable,
  box: Box,
  window: PageWindow,
): Promise<Page<PlaceDistance>> {
  checkPoint(box.south, box.west, 'south/west.');
  checkPoint(box.north, box.east, 'north/east.');
  if (box.south > box.north) {
    throw new InvalidInputError('south must not be north of north', [
      { path: 'south', message: 'greater than north' },
    ]);
  }
  const centreLat = (box.south + box.north) / 2;
  const span = box.west <= box.east ? box.east - box.west : box.east + 360 - box.west;
  const centreLon = ((box.west + span / 2 + 540) % 360) - 180;
  const rows = await executeRows<PlaceDistance>(
    db,
    sql`select l.id, ${haversineKm(centreLat, centreLon)} as "distanceKm", count(*) over ()::int as total
    from locations l
    where l.latitude between ${box.south} and ${box.north} and ${longitudeBetween(box.west, box.east)}
    order by l.population desc nulls last, l.id limit ${window.limit} offset ${window.offset}`,
  );
  return { items: rows, totalCount: Number(rows[0]?.total ?? 0) };
}

/**
 * Claims about places within the circle, nearest place first, then newest. One statement.
 * `claimCount` is always 1 for a claim.
 */
export async function claimsNear(db: Queryable, circle: Circle, window: PageWindow): Promise<Page<NearHit>> {
  checkCircle(circle);
  const rows = await executeRows<NearHit>(
    db,
    sql`with hits as (
      select cl.claim_id, min(p.distance_km) as distance_km
      from (${placesInCircle(circle)}) p join claim_locations cl on cl.location_id = p.id
      group by cl.claim_id
    )
    select h.claim_id as id, h.distance_km as "distanceKm", 1 as "claimCount", count(*) over ()::int as total
    from hits h join claims c on c.id = h.claim_id
    order by h.distance_km, c.claimed_order desc, c.id limit ${window.limit} offset ${window.offset}`,
  );
  return { items: rows, totalCount: Number(rows[0]?.total ?? 0) };
}

/** Sources that made claims about places within the circle, most such claims first. One statement. */
export async function sourcesNear(db: Queryable, circle: Circle, window: PageWindow): Promise<Page<NearHit>> {
  checkCircle(circle);
  const rows = await executeRows<NearHit>(
    db,
    sql`with hits as (
      select c.source_id, count(distinct c.id)::int as claim_count, min(p.distance_km) as distance_km
      from (${placesInCircle(circle)}) p join claim_locations cl on cl.location_id = p.id
      join claims c on c.id = cl.claim_id
      where c.source_id is not null
      group by c.source_id
    )
    select source_id as id, distance_km as "distanceKm", claim_count as "claimCount", count(*) over ()::int as total
    from hits order by claim_count desc, distance_km, source_id limit ${window.limit} offset ${window.offset}`,
  );
  return { items: rows, totalCount: Number(rows[0]?.total ?? 0) };
}
