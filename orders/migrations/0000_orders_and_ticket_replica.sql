CREATE TYPE "public"."cancellation_reason" AS ENUM('user', 'expired');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('created', 'cancelled', 'complete');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('available', 'reserved', 'sold', 'withdrawn');--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"status" "order_status" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"cancellation_reason" "cancellation_reason",
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"venue" text NOT NULL,
	"event_date" timestamp with time zone NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"seller_id" uuid NOT NULL,
	"status" "ticket_status" NOT NULL,
	"order_id" uuid,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_one_active_per_ticket" ON "orders" USING btree ("ticket_id") WHERE "orders"."status" in ('created', 'complete');--> statement-breakpoint
CREATE INDEX "orders_user_newest_idx" ON "orders" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_newest_idx" ON "orders" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);