ALTER TABLE "articles" ADD COLUMN "published_order" bigint GENERATED ALWAYS AS (coalesce((extract(epoch from (published_at - 'epoch'::timestamptz)) * 1000000)::bigint, -1)) STORED;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "claimed_order" bigint GENERATED ALWAYS AS (coalesce((extract(epoch from (claimed_at - 'epoch'::timestamptz)) * 1000000)::bigint, -1)) STORED;--> statement-breakpoint
CREATE INDEX "articles_published_order_idx" ON "articles" ("published_order","id");--> statement-breakpoint
CREATE INDEX "claims_claimed_order_idx" ON "claims" ("claimed_order","id");--> statement-breakpoint
CREATE INDEX "claims_source_claimed_order_idx" ON "claims" ("source_id","claimed_order");--> statement-breakpoint
CREATE INDEX "locations_lat_lon_idx" ON "locations" ("latitude","longitude");