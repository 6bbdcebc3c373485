-- Hand-added: drizzle-kit does not manage extensions; pg_trgm backs the trigram indexes on title/venue.
-- It is a trusted extension (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."closed_order_outcome" AS ENUM('cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('available', 'reserved', 'sold', 'withdrawn');--> statement-breakpoint
CREATE TABLE "closed_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"outcome" "closed_order_outcome" NOT NULL,
	"closed_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"venue" text NOT NULL,
	"event_date" timestamp (3) with time zone NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"seller_id" uuid NOT NULL,
	"status" "ticket_status" DEFAULT 'available' NOT NULL,
	"order_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_price_positive" CHECK ("tickets"."price_cents" > 0),
	CONSTRAINT "tickets_currency_iso" CHECK ("tickets"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "tickets_version_non_negative" CHECK ("tickets"."version" >= 0),
	CONSTRAINT "tickets_order_held" CHECK (("tickets"."status" in ('reserved', 'sold')) = ("tickets"."order_id" is not null))
);
--> statement-breakpoint
CREATE INDEX "tickets_status_event_date_id_idx" ON "tickets" USING btree ("status","event_date","id");--> statement-breakpoint
CREATE INDEX "tickets_seller_created_id_idx" ON "tickets" USING btree ("seller_id","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_title_trgm_idx" ON "tickets" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tickets_venue_trgm_idx" ON "tickets" USING gin ("venue" gin_trgm_ops);