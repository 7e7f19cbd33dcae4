CREATE TYPE "curation_kind" AS ENUM('MERGE_SOURCES', 'MERGE_LOCATIONS', 'CORRECT_SPEAKER', 'CORRECT_PLACES');--> statement-breakpoint
CREATE TABLE "curation_actions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "curation_actions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "curation_kind" NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "curation_actions_created_at_idx" ON "curation_actions" ("created_at","id");