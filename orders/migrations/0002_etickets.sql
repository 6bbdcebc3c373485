CREATE TABLE "etickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"seat" text,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"voided_at" timestamp with time zone,
	"void_reason" text
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_id" uuid;--> statement-breakpoint
ALTER TABLE "etickets" ADD CONSTRAINT "etickets_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etickets" ADD CONSTRAINT "etickets_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "etickets_code_idx" ON "etickets" USING btree ("code");--> statement-breakpoint
CREATE INDEX "etickets_order_idx" ON "etickets" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "etickets_user_newest_idx" ON "etickets" USING btree ("user_id","issued_at" DESC NULLS LAST,"id" DESC NULLS LAST);