CREATE TABLE "location_speaker_counts" (
	"location_id" integer NOT NULL,
	"contained" boolean NOT NULL,
	"source_id" integer,
	"claim_count" integer NOT NULL,
	"speaker_text_counts" jsonb DEFAULT '{}' NOT NULL,
	CONSTRAINT "location_speaker_counts_key" UNIQUE NULLS NOT DISTINCT("location_id","contained","source_id")
);
--> statement-breakpoint
CREATE INDEX "location_speaker_counts_rank_idx" ON "location_speaker_counts" ("location_id","contained","claim_count" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "location_speaker_counts" ADD CONSTRAINT "location_speaker_counts_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_speaker_counts" ADD CONSTRAINT "location_speaker_counts_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE;