CREATE TYPE "public"."split_rule" AS ENUM('any', 'no-single', 'all');--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_order_held";--> statement-breakpoint
ALTER TABLE "order_replica" ADD COLUMN "quantity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "quantity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "split" "split_rule" DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "reserved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sold" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Listings from before quantities hold one ticket: a reserved or sold one is that ticket reserved or sold.
UPDATE "tickets" SET "reserved" = 1 WHERE "status" = 'reserved';--> statement-breakpoint
UPDATE "tickets" SET "sold" = 1 WHERE "status" = 'sold';--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_quantity_range" CHECK ("tickets"."quantity" between 1 and 20);--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_taken_within_quantity" CHECK ("tickets"."reserved" >= 0 and "tickets"."sold" >= 0 and "tickets"."reserved" + "tickets"."sold" <= "tickets"."quantity");