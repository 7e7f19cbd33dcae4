ALTER TABLE "location_speaker_counts" ADD COLUMN "source_sort_name" text;--> statement-breakpoint
DROP INDEX "location_speaker_counts_rank_idx";--> statement-breakpoint
CREATE INDEX "location_speaker_counts_rank_idx" ON "location_speaker_counts" ("location_id","contained","claim_count" DESC NULLS LAST,"source_sort_name","source_id") WHERE claim_count > 0;