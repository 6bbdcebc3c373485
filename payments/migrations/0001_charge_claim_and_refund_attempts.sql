DROP INDEX "payments_refund_pending_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "charge_attempt_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "charge_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_last_error" text;--> statement-breakpoint
CREATE INDEX "payments_refund_due_idx" ON "payments" USING btree ("refund_next_attempt_at") WHERE "payments"."status" = 'refund_pending';