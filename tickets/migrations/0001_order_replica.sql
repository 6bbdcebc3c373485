CREATE TYPE "public"."replica_order_status" AS ENUM('created', 'rejected', 'cancelled', 'complete');--> statement-breakpoint
CREATE TABLE "order_replica" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"status" "replica_order_status" NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
