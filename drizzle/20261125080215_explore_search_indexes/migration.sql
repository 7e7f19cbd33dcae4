-- Search and fuzzy lookup: raw SQL the schema DSL cannot express. The tsvector columns stay out
-- of the Drizzle schema so relational queries never ship them to the client.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', "body"), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "articles_search_vector_idx" ON "articles" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;--> statement-breakpoint
CREATE INDEX "claims_search_vector_idx" ON "claims" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "source_aliases_alias_trgm_idx" ON "source_aliases" USING gin (lower("alias") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "location_aliases_alias_trgm_idx" ON "location_aliases" USING gin (lower("alias") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_name_prefix_idx" ON "sources" (lower("name") text_pattern_ops);
