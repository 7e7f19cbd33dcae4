-- Builds a (container place, source) -> claim count table and times the central question on it (REPORT.md §1). Bench databases only.
\timing on
drop table if exists bench_scope_source_counts;
create table bench_scope_source_counts as
  select la.ancestor_id, c.source_id, count(distinct c.id)::int as claim_count
  from claim_locations cl join location_ancestors la on la.location_id = cl.location_id join claims c on c.id = cl.claim_id
  group by 1, 2;
create index on bench_scope_source_counts (ancestor_id, claim_count desc);
analyze bench_scope_source_counts;
select count(*) from bench_scope_source_counts;
select g.claim_count, s.name, s.kind, count(*) over () as total
from bench_scope_source_counts g left join sources s on s.id = g.source_id
where g.ancestor_id = (select id from locations where gazetteer_key = 'gn:295277')
order by g.claim_count desc, lower(s.name) nulls last limit 20;
drop table bench_scope_source_counts;
