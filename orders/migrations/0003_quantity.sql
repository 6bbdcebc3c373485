CREATE TYPE "public"."split_rule" AS ENUM('any', 'no-single', 'all');--> statement-breakpoint
DROP INDEX "orders_one_active_per_ticket";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "quantity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "reservation_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "quantity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "split" "split_rule" DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "available" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Listings from before quantities hold one ticket; the open or paid order on it (at most one, by the
-- index dropped above) holds it, and tickets confirmed that reservation if the replica names the order.
UPDATE "tickets" SET "available" = CASE WHEN "status" = 'available' THEN 1 ELSE 0 END;--> statement-breakpoint
UPDATE "tickets" t SET "held" = (SELECT count(*) FROM "orders" o WHERE o."ticket_id" = t."id" AND o."status" IN ('created', 'complete'));--> statement-breakpoint
UPDATE "orders" o SET "reservation_confirmed_at" = o."updated_at" WHERE o."status" = 'complete' OR EXISTS (SELECT 1 FROM "tickets" t WHERE t."id" = o."ticket_id" AND t."order_id" = o."id");--> statement-breakpoint
CREATE INDEX "orders_ticket_idx" ON "orders" USING btree ("ticket_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_quantity_positive" CHECK ("orders"."quantity" >= 1);--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_held_within_quantity" CHECK ("tickets"."held" between 0 and "tickets"."quantity");