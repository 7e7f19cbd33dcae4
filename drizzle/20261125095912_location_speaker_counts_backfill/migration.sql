-- Counts the claims already in the graph (the rows domain/location-speaker-counts.ts
-- rebuildSpeakerCounts writes); from here on every write path keeps them up to date.
insert into location_speaker_counts
  (location_id, contained, source_id, source_sort_name, claim_count, speaker_text_counts)
with scope as (
  select cl.claim_id, la.ancestor_id as location_id, true as contained
  from claim_locations cl join location_ancestors la on la.location_id = cl.location_id
  union
  select cl.claim_id, cl.location_id, false from claim_locations cl
),
per_text as (
  select s.location_id, s.contained, c.source_id, lower(src.name) as sort_name,
    case when c.source_id is null then coalesce(c.speaker_text, '') end as speaker_text,
    count(*)::int as n
  from scope s join claims c on c.id = s.claim_id left join sources src on src.id = c.source_id
  group by 1, 2, 3, 4, 5
)
select location_id, contained, source_id, sort_name, sum(n)::int,
  coalesce(jsonb_object_agg(speaker_text, n) filter (where speaker_text is not null), '{}'::jsonb)
from per_text group by 1, 2, 3, 4;
