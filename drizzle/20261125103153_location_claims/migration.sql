CREATE TABLE "location_claims" (
	"location_id" integer,
	"contained" boolean,
	"claim_id" integer,
	"claimed_at" timestamp with time zone,
	CONSTRAINT "location_claims_pkey" PRIMARY KEY("location_id","contained","claim_id")
);
--> statement-breakpoint
CREATE INDEX "location_claims_newest_idx" ON "location_claims" ("location_id","contained","claimed_at" DESC NULLS LAST,"claim_id");--> statement-breakpoint
CREATE INDEX "location_claims_claim_id_idx" ON "location_claims" ("claim_id");--> statement-breakpoint
ALTER TABLE "location_claims" ADD CONSTRAINT "location_claims_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_claims" ADD CONSTRAINT "location_claims_claim_id_claims_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE;