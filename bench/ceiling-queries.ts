import { SEARCH_TERMS } from './shapes.js';

/**
 * The ceiling: one hand-written SQL statement per shape that builds news-graph's exact JSON
 * answer inside PostgreSQL; the server only forwards the text. Nothing can do less work.
 * The central question gets the place's gazetteer key (the name is resolved by the in-memory
 * gazetteer, as news-graph does before its SQL), like PostGraphile's `locationByGazetteerKey`.
 */
export const CEILING_SQL: Record<string, string> = {
  list20: `
    select json_build_object('data', json_build_object('articles', json_build_object('edges',
      coalesce(json_agg(json_build_object('node', json_build_object('url', a.url, 'title', a.title, 'outlet', a.outlet)) order by a.id desc), '[]'))))::text as body
    from (select id, url, title, outlet from articles order by id desc limit 20) a`,
  graph3: `
    select json_build_object('data', json_build_object('articles', json_build_object('edges',
      coalesce(json_agg(json_build_object('node', json_build_object('url', a.url, 'title', a.title, 'claims',
        json_build_object('edges', (
          select coalesce(json_agg(json_build_object('node', json_build_object(
            'text', c.text,
            'source', case when s.id is null then null else json_build_object('name', s.name, 'kind', s.kind) end,
            'locations', (
              select coalesce(json_agg(json_build_object('name', l.name, 'countryCode', l.country_code) order by f.first), '[]')
              from (select location_id, min(start_offset) as first from claim_locations where claim_id = c.id group by 1) f
              join locations l on l.id = f.location_id)
          )) order by c.position), '[]')
          from (select * from claims where article_id = a.id order by position limit 10) c
          left join sources s on s.id = c.source_id))
      )) order by a.id desc), '[]'))))::text as body
    from (select id, url, title from articles order by id desc limit 20) a`,
  // Reads the same kept counts (location_speaker_counts) news-graph reads: the best query this
  // schema allows. The live aggregate it replaced is PostGraphile's computed column.
  central: `
    with loc as (
      select l.*, coalesce((select p.id from locations p where p.id = l.parent_id and p.kind = 'REGION'
        and p.name_key = l.name_key), l.id) as root_id
      from locations l where l.gazetteer_key = $1
    ), top as (
      select k.source_id, k.claim_count, s.name, s.kind,
        row_number() over (order by k.claim_count desc nulls last, k.source_sort_name asc nulls last, k.source_id asc nulls last) as rn
      from (select x.* from loc join location_speaker_counts x on x.location_id = loc.root_id
          and x.contained and x.claim_count > 0
        order by x.claim_count desc nulls last, x.source_sort_name asc nulls last, x.source_id asc nulls last
        limit 20) k
      left join sources s on s.id = k.source_id
    )
    select json_build_object('data', json_build_object('location', (
      select json_build_object('name', loc.name, 'countryCode', loc.country_code, 'kind', loc.kind, 'sources', json_build_object(
        'totalCount', (select count(*) from location_speaker_counts x where x.location_id = loc.root_id
          and x.contained and x.claim_count > 0),
        'edges', coalesce((select json_agg(json_build_object('claimCount', claim_count,
          'node', case when source_id is null then null else json_build_object('name', name, 'kind', kind) end) order by rn) from top), '[]')))
      from loc)))::text as body`,
  big30k: `
    select json_build_object('data', json_build_object('articles', json_build_object('edges',
      coalesce(json_agg(json_build_object('node', json_build_object('url', a.url, 'title', a.title, 'body', a.body)) order by a.id desc), '[]'))))::text as body
    from (select id, url, title, body from articles order by id desc limit 30) a`,
  // Mirrors src/domain/search.ts searchClaims (same ranking and ts_headline options).
  search: `
    with q as (select websearch_to_tsquery('english', '${SEARCH_TERMS}') as q),
    hits as (
      select c.id, ts_rank(c.search_vector, q.q) as rank, count(*) over ()::int as total
      from claims c, q where c.search_vector @@ q.q
      order by rank desc, c.id limit 20
    )
    select json_build_object('data', json_build_object('searchClaims', json_build_object(
      'totalCount', coalesce(max(h.total), 0),
      'edges', coalesce(json_agg(json_build_object(
        'snippet', ts_headline('english', c.text, q.q, 'StartSel=«, StopSel=», MaxFragments=2, MaxWords=30, MinWords=8, FragmentDelimiter=" … "'),
        'node', json_build_object('text', c.text)) order by h.rank desc, h.id), '[]'))))::text as body
    from hits h join claims c on c.id = h.id, q`,
  aggregate: `
    select json_build_object('data', json_build_object('sourceKindBreakdown',
      coalesce(json_agg(json_build_object('kind', g.kind, 'sourceCount', g.sc, 'claimCount', g.cc) order by g.cc desc, g.kind), '[]')))::text as body
    from (select s.kind, count(distinct s.id)::int as sc, count(*)::int as cc
          from claims join sources s on s.id = claims.source_id group by s.kind) g`,
};
