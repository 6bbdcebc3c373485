-- Hand-added: search uses pg_trgm (typos) beside full text; 0000 created it, this keeps the migration whole.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"venue" text NOT NULL,
	"city" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"category" text,
	"image_url" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS ("events"."title" || ' ' || "events"."venue" || ' ' || "events"."city") STORED NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', "events"."title" || ' ' || "events"."venue" || ' ' || "events"."city")) STORED NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "section" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "row" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "seat" text;--> statement-breakpoint
CREATE UNIQUE INDEX "events_identity_idx" ON "events" USING btree (lower("title"),lower("venue"),"starts_at");--> statement-breakpoint
CREATE INDEX "events_starts_at_id_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "events_city_idx" ON "events" USING btree (lower("city"));--> statement-breakpoint
CREATE INDEX "events_search_vector_idx" ON "events" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "events_search_text_trgm_idx" ON "events" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Hand-added: listings that predate events are grouped into events by title, venue and start (compared
-- case-insensitively, as the unique index does). The city is what follows the venue's last comma
-- ("Riverside Arena, Portland" → Portland), else 'Unknown'; the time zone is 'UTC' (the instant is right,
-- the seller never said where it is). Sellers or admins can create a better-described event for new listings.
INSERT INTO "events" ("title", "venue", "city", "starts_at", "time_zone", "created_at")
SELECT min("title"), min("venue"),
  coalesce(nullif(btrim(substring(min("venue") from ',([^,]*)$')), ''), 'Unknown'),
  "event_date", 'UTC', min("created_at")
FROM "tickets"
GROUP BY lower("title"), lower("venue"), "event_date";--> statement-breakpoint
UPDATE "tickets" SET "event_id" = "events"."id"
FROM "events"
WHERE lower("events"."title") = lower("tickets"."title")
  AND lower("events"."venue") = lower("tickets"."venue")
  AND "events"."starts_at" = "tickets"."event_date";--> statement-breakpoint
ALTER TABLE "tickets" ALTER COLUMN "event_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_event_status_price_idx" ON "tickets" USING btree ("event_id","status","price_cents","id");