ALTER TABLE "tickets" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_created_id_idx" ON "tickets" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_status_created_id_idx" ON "tickets" USING btree ("status","created_at","id");--> statement-breakpoint
-- Listings copy their event's zone from now on; those listed before take it from their event.
UPDATE "tickets" SET "time_zone" = "events"."time_zone" FROM "events" WHERE "events"."id" = "tickets"."event_id";
