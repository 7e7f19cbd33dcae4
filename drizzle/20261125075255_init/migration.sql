CREATE TYPE "claim_zone" AS ENUM('HEADLINE', 'BODY');--> statement-breakpoint
CREATE TYPE "location_kind" AS ENUM('CITY', 'REGION', 'COUNTRY', 'OTHER');--> statement-breakpoint
CREATE TYPE "quote_kind" AS ENUM('DIRECT', 'INDIRECT', 'PARTIAL');--> statement-breakpoint
CREATE TYPE "source_kind" AS ENUM('PERSON', 'ORGANIZATION', 'GOVERNMENT', 'MILITARY', 'MEDIA', 'GROUP', 'ANONYMOUS');--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"url" text NOT NULL UNIQUE,
	"title" text,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"page_date" timestamp with time zone,
	"outlet" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"location_id" integer NOT NULL,
	"mention" text NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"coref" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"source_id" integer,
	"speaker_text" text,
	"text" text NOT NULL,
	"quote" "quote_kind" NOT NULL,
	"zone" "claim_zone" DEFAULT 'BODY'::"claim_zone" NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"via" text,
	"claimed_at" timestamp with time zone,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "location_aliases" (
	"location_id" integer,
	"alias" text NOT NULL,
	"alias_key" text,
	CONSTRAINT "location_aliases_pkey" PRIMARY KEY("location_id","alias_key")
);
--> statement-breakpoint
CREATE TABLE "location_ancestors" (
	"location_id" integer,
	"ancestor_id" integer,
	"depth" integer NOT NULL,
	CONSTRAINT "location_ancestors_pkey" PRIMARY KEY("location_id","ancestor_id")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"kind" "location_kind" NOT NULL,
	"country_code" text,
	"parent_id" integer,
	"latitude" double precision,
	"longitude" double precision,
	"population" bigint,
	"gazetteer_key" text UNIQUE,
	"geoname_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "related_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "related_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"target_article_id" integer,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_aliases" (
	"source_id" integer,
	"alias" text NOT NULL,
	"alias_key" text,
	CONSTRAINT "source_aliases_pkey" PRIMARY KEY("source_id","alias_key")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" "source_kind" NOT NULL,
	"key" text NOT NULL UNIQUE,
	"affiliation" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "articles_published_at_idx" ON "articles" ("published_at");--> statement-breakpoint
CREATE INDEX "articles_outlet_idx" ON "articles" (lower("outlet"));--> statement-breakpoint
CREATE INDEX "claim_locations_claim_id_idx" ON "claim_locations" ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_locations_location_id_idx" ON "claim_locations" ("location_id","claim_id");--> statement-breakpoint
CREATE INDEX "claims_article_id_idx" ON "claims" ("article_id","position");--> statement-breakpoint
CREATE INDEX "claims_source_id_idx" ON "claims" ("source_id");--> statement-breakpoint
CREATE INDEX "claims_claimed_at_idx" ON "claims" ("claimed_at");--> statement-breakpoint
CREATE INDEX "location_aliases_alias_key_idx" ON "location_aliases" ("alias_key");--> statement-breakpoint
CREATE INDEX "location_ancestors_ancestor_id_idx" ON "location_ancestors" ("ancestor_id","location_id");--> statement-breakpoint
CREATE INDEX "locations_parent_id_idx" ON "locations" ("parent_id");--> statement-breakpoint
CREATE INDEX "locations_country_code_idx" ON "locations" ("country_code");--> statement-breakpoint
CREATE INDEX "related_links_article_id_idx" ON "related_links" ("article_id","position");--> statement-breakpoint
CREATE INDEX "related_links_target_article_id_idx" ON "related_links" ("target_article_id");--> statement-breakpoint
CREATE INDEX "source_aliases_alias_key_idx" ON "source_aliases" ("alias_key");--> statement-breakpoint
CREATE INDEX "sources_kind_idx" ON "sources" ("kind");--> statement-breakpoint
CREATE INDEX "sources_name_idx" ON "sources" ("name");--> statement-breakpoint
ALTER TABLE "claim_locations" ADD CONSTRAINT "claim_locations_claim_id_claims_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "claim_locations" ADD CONSTRAINT "claim_locations_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "location_aliases" ADD CONSTRAINT "location_aliases_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_ancestors" ADD CONSTRAINT "location_ancestors_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_ancestors" ADD CONSTRAINT "location_ancestors_ancestor_id_locations_id_fkey" FOREIGN KEY ("ancestor_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_locations_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "locations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "related_links" ADD CONSTRAINT "related_links_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "related_links" ADD CONSTRAINT "related_links_target_article_id_articles_id_fkey" FOREIGN KEY ("target_article_id") REFERENCES "articles"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "source_aliases" ADD CONSTRAINT "source_aliases_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE;