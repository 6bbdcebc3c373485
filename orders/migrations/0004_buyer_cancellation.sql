ALTER TYPE "public"."cancellation_reason" ADD VALUE 'buyer_cancelled';--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cancellable_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "refunded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "cancellation_hours" integer DEFAULT 48 NOT NULL;