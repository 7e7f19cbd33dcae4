-- Lists the claims already in the graph under their places (the rows
-- domain/location-speaker-counts.ts rebuildSpeakerCounts writes); from here on every write path
-- keeps them up to date.
insert into location_claims (location_id, contained, claim_id, claimed_at)
select s.location_id, s.contained, s.claim_id, c.claimed_at
from (
  select cl.claim_id, la.ancestor_id as location_id, true as contained
  from claim_locations cl join location_ancestors la on la.location_id = cl.location_id
  union
  select cl.claim_id, cl.location_id, false from claim_locations cl
) s join claims c on c.id = s.claim_id;
--> statement-breakpoint
-- Like every graph table, writes to it tell the response cache (see graph_change_notify).
CREATE TRIGGER location_claims_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON location_claims
FOR EACH STATEMENT EXECUTE FUNCTION news_graph_notify_change();
