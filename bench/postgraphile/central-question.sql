-- The central question as a PostGraphile computed column (Location.sourcesRanked), the way a
-- PostGraphile user would add it: same scope rules as src/domain/locations.ts (the place, the
-- places inside it, and for a city the region named after it), same ordering.
-- PostGraphile v4 only treats a function as a computed column when it sits in the table's schema,
-- so these live in public of the bench database (they are not part of news-graph's migrations).
drop function if exists public.locations_sources_ranked(public.locations, boolean);
drop type if exists public.bench_source_count;
create type public.bench_source_count as (claim_count int, name text, kind text);
create function public.locations_sources_ranked(l public.locations, include_contained boolean)
returns setof public.bench_source_count language sql stable as $$
  with roots as (
    select l.id as root_id
    union
    select p.id from public.locations p
    where include_contained and p.id = l.parent_id and p.kind = 'REGION' and p.name_key = l.name_key
  ), scoped as (
    select distinct cl.claim_id
    from roots r
    join public.location_ancestors la on la.ancestor_id = r.root_id and (include_contained or la.depth = 0)
    join public.claim_locations cl on cl.location_id = la.location_id
  ), grouped as (
    select c.source_id, count(*)::int as claim_count
    from scoped s join public.claims c on c.id = s.claim_id group by c.source_id
  )
  select g.claim_count, src.name, src.kind::text
  from grouped g left join public.sources src on src.id = g.source_id
  order by g.claim_count desc, lower(src.name) asc nulls last, g.source_id
$$;
