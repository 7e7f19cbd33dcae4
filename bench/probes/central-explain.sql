-- EXPLAIN ANALYZE of the central question's scope + aggregate for Eilat (REPORT.md §1).
explain (analyze, buffers, timing off)
with loc as (select l.* from locations l where l.gazetteer_key = 'gn:295277'),
roots as (select id as root_id from loc union select p.id from loc join locations p on p.id = loc.parent_id and p.kind = 'REGION' and p.name_key = loc.name_key),
scoped as (select distinct cl.claim_id from roots r join location_ancestors la on la.ancestor_id = r.root_id join claim_locations cl on cl.location_id = la.location_id),
grouped as (select c.source_id, count(*)::int as claim_count from scoped s join claims c on c.id = s.claim_id group by 1)
select count(*) from grouped;
