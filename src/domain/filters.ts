import { and, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { articles, claims, locations, sources } from '../db/schema/index.js';
import { scopedClaims } from './locations.js';

/** Articles to keep: publication date in [publishedFrom, publishedTo), outlet, full text. */
export interface ArticleFilter {
  publishedFrom?: Date | null;
  publishedTo?: Date | null;
  /** Case-insensitive outlet name. */
  outlet?: string | null;
  /** Web-search syntax over title and body ("army -russia", "\"Deir al-Zor\""). */
  text?: string | null;
}

/** A place scope: the place itself, or with includeContained everything inside it too. */
export interface PlaceScope {
  locationId: number;
  includeContained: boolean;
}

/** Claims to keep; every given criterion must hold. */
export interface ClaimFilter {
  sourceIds?: readonly number[] | null;
  sourceKinds?: readonly string[] | null;
  quoteKinds?: readonly string[] | null;
  /** claimedAt in [claimedFrom, claimedTo). */
  claimedFrom?: Date | null;
  claimedTo?: Date | null;
  place?: PlaceScope | null;
  articleIds?: readonly number[] | null;
  /** Web-search syntax over the claim text. */
  text?: string | null;
}

/** Sources to keep: kinds, and a case-insensitive name prefix. */
export interface SourceFilter {
  kinds?: readonly string[] | null;
  namePrefix?: string | null;
}

/** Places to keep: kinds, countries, a case-insensitive name prefix, inside another place. */
export interface LocationFilter {
  kinds?: readonly string[] | null;
  countryCodes?: readonly string[] | null;
  namePrefix?: string | null;
  /** Only places inside this one (at any depth, itself excluded), through the closure table. */
  withinId?: number | null;
}

/** SQL condition for a location filter over `t`. */
export function locationCondition(t: typeof locations, filter: LocationFilter | null | undefined): SQL {
  if (!filter) return sql`true`;
  return (
    and(
      sql`true`,
      filter.kinds
        ? sql`${t.kind} = any(${sql.param([...filter.kinds])}::text[]::location_kind[])`
        : undefined,
      filter.countryCodes
        ? sql`${t.countryCode} = any(${sql.param(filter.countryCodes.map((c) => c.toUpperCase()))}::text[])`
        : undefined,
      filter.namePrefix
        ? sql`lower(${t.name}) like ${`${escapeLike(filter.namePrefix.toLowerCase())}%`}`
        : undefined,
      filter.withinId != null
        ? sql`${t.id} in (select location_id from location_ancestors where ancestor_id = ${filter.withinId} and depth > 0)`
        : undefined,
    ) ?? sql`true`
  );
}

/** SQL condition for an article filter over `t` (the table or the alias a query gives it). */
export function articleCondition(t: typeof articles, filter: ArticleFilter | null | undefined): SQL {
  if (!filter) return sql`true`;
  return (
    and(
      sql`true`,
      filter.publishedFrom ? gte(t.publishedAt, filter.publishedFrom) : undefined,
      filter.publishedTo ? lt(t.publishedAt, filter.publishedTo) : undefined,
      filter.outlet ? sql`lower(${t.outlet}) = lower(${filter.outlet})` : undefined,
      filter.text
        ? sql`${t.id} in (select id from articles where search_vector @@ websearch_to_tsquery('english', ${filter.text}))`
        : undefined,
    ) ?? sql`true`
  );
}

/** SQL condition for a claim filter over `t`; the place scope reuses the closure-table scope. */
export function claimCondition(t: typeof claims, filter: ClaimFilter | null | undefined): SQL {
  if (!filter) return sql`true`;
  const place = filter.place;
  return (
    and(
      sql`true`,
      filter.sourceIds ? inArray(t.sourceId, [...filter.sourceIds]) : undefined,
      filter.sourceKinds
        ? sql`${t.sourceId} in (select id from sources where kind = any(${sql.param([...filter.sourceKinds])}::text[]::source_kind[]))`
        : undefined,
      filter.quoteKinds
        ? sql`${t.quote} = any(${sql.param([...filter.quoteKinds])}::text[]::quote_kind[])`
        : undefined,
      filter.claimedFrom ? gte(t.claimedAt, filter.claimedFrom) : undefined,
      filter.claimedTo ? lt(t.claimedAt, filter.claimedTo) : undefined,
      place
        ? sql`${t.id} in (select claim_id from (${scopedClaims([place.locationId], place.includeContained)}) scope)`
        : undefined,
      filter.articleIds ? inArray(t.articleId, [...filter.articleIds]) : undefined,
      filter.text
        ? sql`${t.id} in (select id from claims where search_vector @@ websearch_to_tsquery('english', ${filter.text}))`
        : undefined,
    ) ?? sql`true`
  );
}

/** SQL condition for a source filter over `t`. */
export function sourceCondition(t: typeof sources, filter: SourceFilter | null | undefined): SQL {
  if (!filter) return sql`true`;
  return (
    and(
      sql`true`,
      filter.kinds ? sql`${t.kind} = any(${sql.param([...filter.kinds])}::text[]::source_kind[])` : undefined,
      filter.namePrefix
        ? sql`lower(${t.name}) like ${`${escapeLike(filter.namePrefix.toLowerCase())}%`}`
        : undefined,
    ) ?? sql`true`
  );
}

/** Escapes LIKE wildcards so a prefix is matched literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
