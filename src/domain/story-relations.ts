import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { executeRows } from '../db/execute.js';
import { type ClaimComparison, compareClaims } from './claim-similarity.js';
import { type Page, type PageWindow, pagesByParent } from './paging.js';

export type RelationKind = 'SHARED_SOURCE' | 'SHARED_PLACE' | 'PLACE_WITHIN' | 'RELATED_LINK';

/** Weight each reason adds to a relation's strength: a link is an editor's own judgement. */
export const RELATION_WEIGHTS: Record<RelationKind, number> = {
  RELATED_LINK: 5,
  SHARED_SOURCE: 3,
  SHARED_PLACE: 2,
  PLACE_WITHIN: 1,
};

export interface RelationReason {
  kind: RelationKind;
  /** The shared source or place, the containing place for PLACE_WITHIN, the link title for RELATED_LINK. */
  name: string;
}

export interface RelatedArticle {
  parentId: number;
  articleId: number;
  strength: number;
  reasons: RelationReason[];
  total: number;
}

const weight = (kind: RelationKind) => sql.raw(`${RELATION_WEIGHTS[kind]}`);

/**
 * Articles related to each of `articleIds`, strongest first: they quote the same (named) source,
 * name the same place, name places one inside the other (a city and its region; countries are
 * too broad to relate stories and are left out), or one links to the other (by target id, URL
 * or title). Strength is the sum of the weights of distinct reasons. One statement for any
 * number of articles.
 */
export async function relatedArticlesFor(
  db: Queryable,
  articleIds: readonly number[],
  window: PageWindow,
): Promise<Map<number, Page<RelatedArticle>>> {
  const rows = await executeRows<RelatedArticle>(
    db,
    sql`
    with parents as (select unnest(${sql.param([...articleIds])}::int[]) as parent_id),
    mine as (
      select p.parent_id, c.source_id, cl.location_id
      from parents p join claims c on c.article_id = p.parent_id
      left join claim_locations cl on cl.claim_id = c.id
    ),
    reasons as (
      select m.parent_id, o.article_id as other_id, 'SHARED_SOURCE' as kind, s.name, ${weight('SHARED_SOURCE')} as weight
      from mine m join claims o on o.source_id = m.source_id and o.article_id <> m.parent_id
      join sources s on s.id = m.source_id
      union
      select m.parent_id, o.article_id, 'SHARED_PLACE', l.name, ${weight('SHARED_PLACE')}
      from mine m join claim_locations ol on ol.location_id = m.location_id
      join claims o on o.id = ol.claim_id and o.article_id <> m.parent_id
      join locations l on l.id = m.location_id
      union
      select m.parent_id, o.article_id, 'PLACE_WITHIN', outer_place.name, ${weight('PLACE_WITHIN')}
      from mine m join location_ancestors la
        on la.depth > 0 and (la.location_id = m.location_id or la.ancestor_id = m.location_id)
      join locations outer_place on outer_place.id = la.ancestor_id and outer_place.kind <> 'COUNTRY'
      join claim_locations ol
        on ol.location_id = case when la.location_id = m.location_id then la.ancestor_id else la.location_id end
      join claims o on o.id = ol.claim_id and o.article_id <> m.parent_id
      union
      select p.parent_id, x.id, 'RELATED_LINK', rl.title, ${weight('RELATED_LINK')}
      from parents p join related_links rl on rl.article_id = p.parent_id
      join articles x on x.id <> p.parent_id
        and (x.id = rl.target_article_id or x.url = rl.url or lower(x.title) = lower(rl.title))
      union
      select p.parent_id, rl.article_id, 'RELATED_LINK', rl.title, ${weight('RELATED_LINK')}
      from parents p join articles me on me.id = p.parent_id
      join related_links rl on rl.article_id <> p.parent_id
        and (rl.target_article_id = me.id or rl.url = me.url or lower(rl.title) = lower(me.title))
    ),
    scored as (
      select parent_id, other_id, sum(weight)::int as strength,
        json_agg(json_build_object('kind', kind, 'name', name) order by weight desc, name) as reasons
      from reasons group by parent_id, other_id
    ),
    ranked as (
      select s.*, row_number() over (partition by parent_id order by strength desc, other_id desc) as rn,
        count(*) over (partition by parent_id)::int as total
      from scored s
    )
    select parent_id as "parentId", other_id as "articleId", strength, reasons, total
    from ranked where rn > ${window.offset} and rn <= ${window.offset + window.limit}
    order by parent_id, rn`,
  );
  for (const row of rows) if (typeof row.reasons === 'string') row.reasons = JSON.parse(row.reasons);
  return pagesByParent(articleIds, rows);
}

/** How far apart two claims may be in time and still be about the same events. */
export const CLAIM_WINDOW_DAYS = 7;
/** Candidates compared per claim, nearest in time first; bounds the work for a busy place. */
export const MAX_CANDIDATES = 500;

export interface ClaimMatch extends ClaimComparison {
  claimId: number;
}

interface Candidate {
  parentId: number;
  claimId: number;
  parentText: string;
  text: string;
}

/**
 * Claims by other sources about the same place (the same location, or one containing the other)
 * within ±7 days, compared with each claim by `compareClaims`; related ones only, highest
 * overlap first. Claims without a date or place have none. One statement for any number of claims.
 */
export async function claimMatchesFor(
  db: Queryable,
  claimIds: readonly number[],
): Promise<Map<number, ClaimMatch[]>> {
  const rows = await executeRows<Candidate>(
    db,
    sql`
    with pairs as (
      select distinct p.id as parent_id, o.id as claim_id, p.text as parent_text, o.text,
        abs(extract(epoch from o.claimed_at - p.claimed_at)) as distance
      from claims p
      join claim_locations pl on pl.claim_id = p.id
      join location_ancestors la on la.location_id = pl.location_id or la.ancestor_id = pl.location_id
      join claim_locations ol
        on ol.location_id = case when la.location_id = pl.location_id then la.ancestor_id else la.location_id end
      join claims o on o.id = ol.claim_id and o.id <> p.id and o.source_id is distinct from p.source_id
        and o.claimed_at between p.claimed_at - interval '${sql.raw(String(CLAIM_WINDOW_DAYS))} days'
          and p.claimed_at + interval '${sql.raw(String(CLAIM_WINDOW_DAYS))} days'
      where p.id = any(${sql.param([...claimIds])}::int[])
    ), ranked as (
      select *, row_number() over (partition by parent_id order by distance, claim_id) as rn from pairs
    )
    select parent_id as "parentId", claim_id as "claimId", parent_text as "parentText", text
    from ranked where rn <= ${MAX_CANDIDATES} order by parent_id, claim_id`,
  );
  const matches = new Map<number, ClaimMatch[]>(claimIds.map((id) => [id, []]));
  for (const row of rows) {
    const comparison = compareClaims(row.parentText, row.text);
    if (comparison.verdict !== 'UNRELATED')
      matches.get(row.parentId)?.push({ claimId: row.claimId, ...comparison });
  }
  for (const list of matches.values()) list.sort((a, b) => b.overlap - a.overlap || a.claimId - b.claimId);
  return matches;
}
